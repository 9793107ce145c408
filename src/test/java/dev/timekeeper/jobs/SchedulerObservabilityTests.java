package dev.timekeeper.jobs;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import dev.timekeeper.support.Api.Response;
import dev.timekeeper.support.ApiTestSupport;
import dev.timekeeper.support.PrometheusText;
import dev.timekeeper.support.PrometheusText.Sample;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The scheduler as operators see it: its metrics in a real Prometheus scrape, its health,
 * and Spring Boot's Quartz endpoint.
 */
class SchedulerObservabilityTests extends ApiTestSupport {

	@Test
	void scrapeShowsExecutionsLagRunningAndJobStatesInValidExpositionFormat() {
		create("scraped", "beat", "\"type\": \"noop\", \"schedule\": {\"kind\": \"interval\", \"every\": \"PT1S\"}");
		create("scraped", "broken", """
				"type": "noop", "params": {"fail": true}, "schedule": {"kind": "interval", "every": "PT1S"}""");
		PrometheusText first = await().atMost(Duration.ofSeconds(15))
			.until(this::scrape,
					(scrape) -> scrape.sum("timekeeper_executions_total", "group", "scraped", "type", "noop", "outcome",
							"SUCCESS") >= 2
							&& scrape.sum("timekeeper_executions_total", "group", "scraped", "outcome", "FAILED") >= 2);

		double before = first.sum("timekeeper_executions_total", "group", "scraped", "outcome", "SUCCESS");
		PrometheusText later = await().atMost(Duration.ofSeconds(10))
			.until(this::scrape, (scrape) -> scrape.sum("timekeeper_executions_total", "group", "scraped", "outcome",
					"SUCCESS") > before);
		this.api.delete("/api/v1/jobs/scraped/beat");
		this.api.delete("/api/v1/jobs/scraped/broken");

		assertThat(later.sum("timekeeper_execution_duration_seconds_count", "group", "scraped", "type", "noop"))
			.isGreaterThanOrEqualTo(4);
		assertThat(later.find("timekeeper_execution_duration_seconds_max", "group", "scraped")).isNotEmpty();
		List<Sample> buckets = later.find("timekeeper_fire_lag_seconds_bucket", "group", "scraped")
			.stream()
			.sorted(Comparator
				.comparingDouble((sample) -> Double.parseDouble(sample.labels().get("le").replace("+Inf", "Infinity"))))
			.toList();
		assertThat(buckets).extracting((bucket) -> bucket.labels().get("le"))
			.startsWith("0.001", "0.002", "0.005")
			.contains("1.0", "300.0")
			.endsWith("+Inf");
		assertThat(buckets).extracting(Sample::value).isSorted();
		assertThat(buckets.getLast().value())
			.isEqualTo(later.sum("timekeeper_fire_lag_seconds_count", "group", "scraped"))
			.isGreaterThanOrEqualTo(4);
		assertThat(later.find("timekeeper_executions_running")).singleElement()
			.satisfies((sample) -> assertThat(sample.value()).isGreaterThanOrEqualTo(0));
		assertThat(later.find("timekeeper_jobs", "state", "NORMAL")).singleElement()
			.satisfies((sample) -> assertThat(sample.value()).isGreaterThanOrEqualTo(2));
		assertThat(later.find("timekeeper_jobs")).extracting((sample) -> sample.labels().get("state"))
			.containsExactlyInAnyOrder("NORMAL", "PAUSED", "RUNNING", "COMPLETE", "ERROR", "BLOCKED");
		assertThat(later.find("timekeeper_executions_queued")).hasSize(1);
		assertThat(later.find("timekeeper_executions_total"))
			.allSatisfy((sample) -> assertThat(sample.labels()).containsOnlyKeys("group", "type", "outcome"));
	}

	@Test
	void healthShowsTheSchedulerStartedInStandbyAndBackAgain() {
		JsonNode scheduler = health().path("components").path("scheduler");
		assertThat(scheduler.path("status").asString()).isEqualTo("UP");
		assertThat(scheduler.path("details").path("state").asString()).isEqualTo("STARTED");
		assertThat(scheduler.path("details").path("jobStore").asString()).isEqualTo("reachable");
		assertThat(scheduler.path("details").path("instanceId").asString()).isNotBlank();

		assertThat(this.api.post("/api/v1/scheduler/pause").status()).isEqualTo(200);
		try {
			Response standby = this.api.get("/actuator/health");
			assertThat(standby.status()).isEqualTo(503);
			assertThat(standby.json().path("components").path("scheduler").path("status").asString())
				.isEqualTo("OUT_OF_SERVICE");
			assertThat(this.api.get("/actuator/health/liveness").status()).as("liveness ignores a pause")
				.isEqualTo(200);
		}
		finally {
			assertThat(this.api.post("/api/v1/scheduler/resume").status()).isEqualTo(200);
		}
		assertThat(health().path("components").path("scheduler").path("status").asString()).isEqualTo("UP");
	}

	@Test
	void quartzEndpointListsTheJobsOfAGroup() {
		create("quartz-endpoint", "hourly",
				"\"type\": \"noop\", \"schedule\": {\"kind\": \"cron\", \"expression\": \"@hourly\"}");
		try {
			Response jobs = this.api.get("/actuator/quartz/jobs/quartz-endpoint");
			assertThat(jobs.status()).as(jobs.body()).isEqualTo(200);
			assertThat(jobs.json().path("jobs").propertyNames()).containsExactly("hourly");
		}
		finally {
			this.api.delete("/api/v1/jobs/quartz-endpoint/hourly");
		}
	}

	private JsonNode health() {
		Response health = this.api.get("/actuator/health");
		assertThat(health.status()).as(health.body()).isEqualTo(200);
		return health.json();
	}

	private PrometheusText scrape() {
		Response scrape = this.api.get("/actuator/prometheus");
		assertThat(scrape.status()).isEqualTo(200);
		assertThat(scrape.contentType()).startsWith("text/plain");
		return PrometheusText.parse(scrape.body());
	}

	private void create(String group, String name, String rest) {
		Response created = this.api.post("/api/v1/jobs", """
				{"group": "%s", "name": "%s", %s}""".formatted(group, name, rest));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
	}

}
