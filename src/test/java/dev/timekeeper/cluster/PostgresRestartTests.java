package dev.timekeeper.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.timekeeper.support.Api;
import dev.timekeeper.support.Node;
import dev.timekeeper.support.Postgres;
import dev.timekeeper.support.PrometheusText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The machine's PostgreSQL is restarted under a running instance: the connection pool
 * reconnects, the scheduler goes on firing, and no job is lost.
 */
class PostgresRestartTests {

	private static final String DATABASE = "timekeeper_restart_tests";

	@TempDir
	Path logs;

	private Node node;

	@AfterEach
	void stop() throws InterruptedException {
		if (this.node != null) {
			this.node.close();
		}
		Postgres.drop(DATABASE);
	}

	@Test
	void serviceKeepsWorkingAfterPostgresRestartsUnderIt() throws Exception {
		Postgres.assumeReachable();
		String version = clusterVersion();
		String url = Postgres.freshDatabase(DATABASE);
		this.node = Node.start("restart-node", this.logs, "--spring.datasource.url=" + url,
				"--spring.datasource.username=" + Postgres.USER, "--timekeeper.cluster.enabled=true",
				"--timekeeper.default-jobs.enabled=false");
		Api api = this.node.api();
		for (String name : new String[] { "beat", "other" }) {
			assertThat(api.post("/api/v1/jobs", """
					{"group": "pg-restart", "name": "%s", "type": "noop",
					 "schedule": {"kind": "interval", "every": "PT1S"}}""".formatted(name)).status()).isEqualTo(201);
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> runs(api, Instant.EPOCH) >= 4);

		run("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart");
		Instant restarted = Instant.now();
		Postgres.assumeReachable();

		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofSeconds(1))
			.ignoreExceptions()
			.until(() -> runs(api, restarted.plusSeconds(1)) >= 6);
		JsonNode jobs = api.get("/api/v1/jobs?group=pg-restart").json();
		assertThat(jobs.path("content").valueStream().map((job) -> job.path("name").asString())).containsExactly("beat",
				"other");
		assertThat(jobs.path("content").valueStream().map((job) -> job.path("state").asString()))
			.allMatch((state) -> state.equals("NORMAL") || state.equals("RUNNING"));
		// the jobs by state, counted by PostgreSQL
		PrometheusText metrics = PrometheusText.parse(api.get("/actuator/prometheus").body());
		assertThat(
				metrics.sum("timekeeper_jobs", "state", "NORMAL") + metrics.sum("timekeeper_jobs", "state", "RUNNING"))
			.isEqualTo(2);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(
					() -> assertThat(api.get("/actuator/health").json().path("status").asString()).isEqualTo("UP"));
	}

	private static long runs(Api api, Instant since) {
		return api.get("/api/v1/executions?group=pg-restart&size=1&from=" + since)
			.json()
			.path("page")
			.path("totalElements")
			.asLong();
	}

	private static String clusterVersion() throws IOException {
		Path clusters = Path.of("/etc/postgresql");
		Assumptions.assumeTrue(Files.isDirectory(clusters),
				"no /etc/postgresql here: this test restarts the machine's PostgreSQL with pg_ctlcluster");
		try (Stream<Path> versions = Files.list(clusters)) {
			return versions.map((path) -> path.getFileName().toString()).sorted().reduce((a, b) -> b).orElseThrow();
		}
	}

	private static void run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).inheritIO().start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
		assertThat(process.exitValue()).as(String.join(" ", command)).isZero();
	}

}
