package dev.timekeeper.deploy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.timekeeper.TimekeeperApplication;
import dev.timekeeper.deploy.PromQl.Reads;
import dev.timekeeper.deploy.PromQl.Selector;
import dev.timekeeper.monitoring.FakeContainer;
import dev.timekeeper.support.Api;
import dev.timekeeper.support.Api.Response;
import dev.timekeeper.support.PrometheusText;
import dev.timekeeper.support.PrometheusText.Sample;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Grafana dashboard and the Prometheus alert rules ask only for what the service
 * really exports: every metric and label their PromQL names is in a real scrape of an
 * application running every kind of monitoring job (in a container with limits, faked so
 * that the container series exist wherever the test runs), a failing job and a missed
 * fire.
 */
class DashboardAndAlertsTests {

	/** Series Prometheus makes itself, not the service. */
	private static final Map<String, Set<String>> PROMETHEUS_OWN = Map.of("up", Set.of());

	/** Shorter than the 5 s default, so that a missed fire is quick to make. */
	private static final Duration MISFIRE_THRESHOLD = Duration.ofSeconds(1);

	/** Labels Prometheus adds to every series it scrapes. */
	private static final Set<String> TARGET_LABELS = Set.of("job", "instance");

	@TempDir
	static Path directory;

	private static ConfigurableApplicationContext context;

	private static Api api;

	@BeforeAll
	static void start() {
		String url = "jdbc:h2:file:" + directory.resolve("timekeeper").toAbsolutePath()
				+ ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000";
		context = new SpringApplicationBuilder(TimekeeperApplication.class, FakeContainer.Config.class).run(
				"--server.port=0", "--spring.profiles.active=testusers", "--spring.datasource.url=" + url,
				"--spring.quartz.scheduler-name=timekeeper-dashboard-tests",
				"--timekeeper.scheduler.shutdown-timeout=PT1S",
				"--spring.quartz.properties.org.quartz.jobStore.misfireThreshold=" + MISFIRE_THRESHOLD.toMillis());
		api = new Api(context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
		every("system", "system", "{}");
		every("network", "network", "{\"interfaces\": [\"lo\"]}");
		every("disk", "disk", "{\"mounts\": [\"/\"]}");
		every("failing", "noop", "{\"fail\": true}");
		// paused over its fire and resumed past the misfire threshold: a missed fire,
		// which FIRE_NOW runs at once
		Response late = api.post("/api/v1/jobs",
				"""
						{"group": "dashboard", "name": "late", "type": "noop", "schedule": {"kind": "once", "after": "PT2S"}}""");
		assertThat(late.status()).as(late.body()).isEqualTo(201);
		assertThat(api.post("/api/v1/jobs/dashboard/late/pause").status()).isEqualTo(200);
		Instant missed = Instant.parse(late.json().path("nextFireTime").asString())
			.plus(MISFIRE_THRESHOLD)
			.plusMillis(500);
		await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(missed));
		assertThat(api.post("/api/v1/jobs/dashboard/late/resume").status()).isEqualTo(200);
	}

	@AfterAll
	static void stop() {
		if (context != null) {
			context.close();
		}
	}

	@Test
	void everyMetricAndLabelTheDashboardQueriesIsInARealScrape() {
		assertAllExported(dashboardQueries());
	}

	@Test
	void everyMetricAndLabelTheAlertRulesReadIsInARealScrape() {
		assertAllExported(alertExpressions());
	}

	@Test
	void theDashboardShowsFiresFailuresLagAndRunsAndTheHostsCpuMemoryNetworkAndDisks() {
		Set<String> metrics = new HashSet<>();
		dashboardQueries().forEach((query) -> metrics.addAll(PromQl.read(query).metrics()));
		assertThat(metrics).contains("timekeeper_executions_total", "timekeeper_fire_lag_seconds_bucket",
				"timekeeper_executions_running", "timekeeper_misfires_total", "timekeeper_jobs",
				"timekeeper_system_cpu_usage_ratio", "timekeeper_system_memory_used_bytes",
				"timekeeper_network_receive_bytes_total", "timekeeper_network_transmit_bytes_total",
				"timekeeper_disk_filesystem_size_bytes", "timekeeper_disk_read_bytes_total",
				"timekeeper_container_cpu_usage_seconds_total", "timekeeper_container_memory_usage_bytes");
	}

	@Test
	void theAlertRulesCoverTheServiceDownFailingJobsFireLagAndMisfires() {
		Set<String> metrics = new HashSet<>();
		alertExpressions().forEach((expression) -> metrics.addAll(PromQl.read(expression).metrics()));
		assertThat(metrics).contains("up", "timekeeper_executions_total", "timekeeper_fire_lag_seconds_bucket",
				"timekeeper_misfires_total");
	}

	@Test
	void theDashboardIsGrafanaJsonWhosePanelsAllUseTheProvisionedDataSource() {
		JsonNode dashboard = DeployFiles.json(DeployFiles.DASHBOARD);
		assertThat(dashboard.path("uid").asString()).isNotBlank();
		assertThat(dashboard.path("title").asString()).isEqualTo("Timekeeper");
		String uid = String.valueOf(datasource().get("uid"));
		List<JsonNode> panels = panels(dashboard);
		assertThat(panels).isNotEmpty();
		assertThat(panels.stream().map((panel) -> panel.path("id").asInt())).doesNotHaveDuplicates();
		for (JsonNode panel : panels) {
			JsonNode grid = panel.path("gridPos");
			assertThat(grid.path("x").asInt() + grid.path("w").asInt()).as(panel.path("title").asString())
				.isBetween(1, 24);
			if (!panel.path("type").asString().equals("row")) {
				assertThat(panel.path("datasource").path("uid").asString()).as(panel.path("title").asString())
					.isEqualTo(uid);
				assertThat(panel.path("targets").valueStream().map((target) -> target.path("datasource").path("uid")))
					.allSatisfy((targetUid) -> assertThat(targetUid.asString()).isEqualTo(uid));
			}
		}
	}

	private static void assertAllExported(List<String> expressions) {
		assertThat(expressions).isNotEmpty();
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			Map<String, Set<String>> exported = exported();
			List<String> missing = new ArrayList<>();
			for (String expression : expressions) {
				Reads reads = PromQl.read(expression);
				Set<String> labels = new HashSet<>(TARGET_LABELS);
				for (Selector selector : reads.selectors()) {
					Set<String> known = exported.get(selector.metric());
					if (known == null) {
						missing.add(selector.metric() + " (in " + expression + ")");
						continue;
					}
					labels.addAll(known);
					selector.labels()
						.stream()
						.filter((label) -> !known.contains(label) && !TARGET_LABELS.contains(label))
						.forEach((label) -> missing.add(selector.metric() + "{" + label + "} (in " + expression + ")"));
				}
				reads.grouping()
					.stream()
					.filter((label) -> !labels.contains(label))
					.forEach((label) -> missing.add("by/on (" + label + ") (in " + expression + ")"));
			}
			assertThat(missing).as("named by the queries but not in the scrape").isEmpty();
		});
	}

	/** The scrape's metric names, each with the names of its labels. */
	private static Map<String, Set<String>> exported() {
		Response scrape = api.as(null).get("/actuator/prometheus");
		assertThat(scrape.status()).isEqualTo(200);
		Map<String, Set<String>> exported = new LinkedHashMap<>(PROMETHEUS_OWN);
		for (Sample sample : PrometheusText.parse(scrape.body()).samples()) {
			exported.computeIfAbsent(sample.name(), (name) -> new HashSet<>()).addAll(sample.labels().keySet());
		}
		return exported;
	}

	private static List<String> dashboardQueries() {
		List<String> queries = new ArrayList<>();
		for (JsonNode panel : panels(DeployFiles.json(DeployFiles.DASHBOARD))) {
			panel.path("targets").valueStream().map((target) -> target.path("expr").asString()).forEach(queries::add);
		}
		return queries;
	}

	private static List<JsonNode> panels(JsonNode dashboard) {
		List<JsonNode> panels = new ArrayList<>();
		dashboard.path("panels").valueStream().forEach((panel) -> {
			panels.add(panel);
			panel.path("panels").valueStream().forEach(panels::add);
		});
		return panels;
	}

	@SuppressWarnings("unchecked")
	private static List<String> alertExpressions() {
		List<String> expressions = new ArrayList<>();
		for (Map<String, Object> group : (List<Map<String, Object>>) DeployFiles.yaml(DeployFiles.ALERTS)
			.get("groups")) {
			for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
				expressions.add(String.valueOf(rule.get("expr")));
			}
		}
		return expressions;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> datasource() {
		return ((List<Map<String, Object>>) DeployFiles.yaml(DeployFiles.DATASOURCES).get("datasources")).getFirst();
	}

	private static void every(String name, String type, String params) {
		Response created = api.post("/api/v1/jobs", """
				{"group": "dashboard", "name": "%s", "type": "%s", "params": %s,
				 "schedule": {"kind": "interval", "every": "PT1S"}}""".formatted(name, type, params));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
	}

}
