package dev.timekeeper.cluster;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.timekeeper.support.Api;
import dev.timekeeper.support.Node;
import dev.timekeeper.support.Postgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances in JVM processes of their own share one PostgreSQL database in cluster
 * mode: every fire of every job runs exactly once, on one node or the other, and a run
 * cut short by its node's death ({@code SIGKILL}) is run again by the other node.
 */
class ClusterTests {

	private static final String DATABASE = "timekeeper_cluster_tests";

	/**
	 * Short, so that a dead node is noticed quickly: Quartz waits one interval + 7.5 s.
	 */
	private static final Duration CHECKIN = Duration.ofSeconds(2);

	@TempDir
	Path logs;

	private final List<Node> nodes = new ArrayList<>();

	private String url;

	@BeforeEach
	void database() {
		Postgres.assumeReachable();
		this.url = Postgres.freshDatabase(DATABASE);
	}

	@AfterEach
	void stop() throws InterruptedException {
		for (Node node : this.nodes) {
			node.close();
		}
		if (this.url != null) {
			Postgres.drop(DATABASE);
		}
	}

	@Test
	void everyFireOfEveryJobRunsExactlyOnceAcrossTheCluster() throws Exception {
		Node a = start("node-a");
		Node b = start("node-b");
		Api api = a.api();
		int jobs = 60;
		createOnBothNodesAtOnce(a, b, jobs);
		await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).until(() -> executions(api) >= 2400);
		assertThat(b.api().post("/api/v1/groups/cluster/pause").status()).isEqualTo(200);
		// every run in progress ends and is stored: the count stops moving
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(new Stable(api)::settled);

		try (Connection connection = DriverManager.getConnection(this.url, Postgres.USER, "")) {
			JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
			List<String> duplicates = jdbc.sql("""
					SELECT JOB_NAME || ' at ' || SCHEDULED_AT || ' ran ' || COUNT(*) || ' times' FROM TK_EXECUTION
					GROUP BY JOB_NAME, SCHEDULED_AT HAVING COUNT(*) > 1""").query(String.class).list();
			List<String> missed = jdbc
				.sql("""
						SELECT JOB_NAME || ': ' || COUNT(*) || ' runs from ' || MIN(SCHEDULED_AT) || ' to ' || MAX(SCHEDULED_AT)
						FROM TK_EXECUTION GROUP BY JOB_NAME
						HAVING COUNT(*) <> ROUND(EXTRACT(EPOCH FROM MAX(SCHEDULED_AT) - MIN(SCHEDULED_AT))) + 1""")
				.query(String.class)
				.list();
			long total = jdbc.sql("SELECT COUNT(*) FROM TK_EXECUTION").query(Long.class).single();
			Set<String> ranOn = new TreeSet<>(
					jdbc.sql("SELECT DISTINCT NODE FROM TK_EXECUTION").query(String.class).list());
			System.out.printf("cluster: %d runs of %d jobs on %s, %d duplicated, %d jobs with missed fires%n", total,
					jobs, ranOn, duplicates.size(), missed.size());
			assertThat(total).isGreaterThanOrEqualTo(2400);
			assertThat(duplicates).as("fires that ran more than once").isEmpty();
			assertThat(missed).as("jobs with a gap in their fires").isEmpty();
			assertThat(ranOn).as("both nodes took fires").containsExactly("node-a", "node-b");
		}
		JsonNode scheduler = a.api().get("/api/v1/scheduler").json();
		assertThat(scheduler.path("clustered").asBoolean()).isTrue();
		assertThat(scheduler.path("nodes").valueStream().map((node) -> node.path("instanceId").asString()))
			.containsExactly("node-a", "node-b");
		assertThat(scheduler.path("nodes").valueStream().map((node) -> node.path("alive").asBoolean()))
			.containsOnly(true);
	}

	@Test
	void aRunCutShortByItsNodesDeathIsRecoveredByTheOtherNode() throws Exception {
		Node a = start("node-a");
		Node b = start("node-b");
		assertThat(a.api().post("/api/v1/jobs", """
				{"group": "failover", "name": "long", "type": "noop", "params": {"duration": "PT8S"},
				 "schedule": {"kind": "once", "after": "PT2S"}}""").status()).isEqualTo(201);
		try (Connection connection = DriverManager.getConnection(this.url, Postgres.USER, "")) {
			JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
			String runningOn = await().atMost(Duration.ofSeconds(30))
				.until(() -> executingOn(jdbc), (instance) -> instance != null);
			Node victim = runningOn.equals(a.name()) ? a : b;
			Node survivor = (victim == a) ? b : a;
			victim.kill();
			Instant killed = Instant.now();

			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> survivor.name().equals(executingOn(jdbc)));
			Duration recoveredAfter = Duration.between(killed, Instant.now());
			System.out.printf("failover: %s killed mid-run, %s ran it again %d ms later%n", victim.name(),
					survivor.name(), recoveredAfter.toMillis());
			// Quartz takes a node for dead one check-in interval plus 7.5 s after its
			// last
			// check-in; the survivor notices at its own next check-in
			assertThat(recoveredAfter).isLessThan(CHECKIN.multipliedBy(3).plusMillis(7500).plusSeconds(10));

			JsonNode recovered = await().atMost(Duration.ofSeconds(30))
				.until(() -> survivor.api().get("/api/v1/jobs/failover/long/executions").json().path("content"),
						(content) -> content.size() == 1);
			assertThat(recovered.get(0).path("node").asString()).isEqualTo(survivor.name());
			assertThat(recovered.get(0).path("outcome").asString()).isEqualTo("SUCCESS");
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				assertThat(jdbc.sql("SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE TRIGGER_STATE IN ('ACQUIRED', 'BLOCKED')")
					.query(Long.class)
					.single()).as("triggers left ACQUIRED or BLOCKED").isZero();
				assertThat(jdbc.sql("SELECT COUNT(*) FROM QRTZ_FIRED_TRIGGERS WHERE INSTANCE_NAME = :dead")
					.param("dead", victim.name())
					.query(Long.class)
					.single()).as("the dead node's fired triggers").isZero();
			});
			assertThat(survivor.api().get("/api/v1/jobs/failover/long").json().path("state").asString())
				.isEqualTo("COMPLETE");
		}
	}

	private Node start(String name) throws Exception {
		Node node = Node.start(name, this.logs, "--spring.datasource.url=" + this.url,
				"--spring.datasource.username=" + Postgres.USER, "--timekeeper.cluster.enabled=true",
				"--timekeeper.cluster.checkin-interval=" + CHECKIN, "--timekeeper.default-jobs.enabled=false",
				"--timekeeper.scheduler.shutdown-timeout=PT2S");
		this.nodes.add(node);
		return node;
	}

	private static long executions(Api api) {
		return api.get("/api/v1/executions?group=cluster&size=1").json().path("page").path("totalElements").asLong();
	}

	private static String executingOn(JdbcClient jdbc) {
		return jdbc
			.sql("SELECT INSTANCE_NAME FROM QRTZ_FIRED_TRIGGERS WHERE JOB_GROUP = 'failover' AND STATE = 'EXECUTING'")
			.query(String.class)
			.optional()
			.orElse(null);
	}

	/** Whether the number of executions has stopped moving since it was last asked. */
	/**
	 * Sends each job's create to both nodes at once, several jobs at a time: exactly one
	 * of the two is created, the other is told it exists.
	 */
	private static void createOnBothNodesAtOnce(Node a, Node b, int jobs) throws Exception {
		try (ExecutorService executor = Executors.newFixedThreadPool(8)) {
			List<List<Future<Api.Response>>> creates = new ArrayList<>();
			for (int i = 0; i < jobs; i++) {
				String job = """
						{"group": "cluster", "name": "job-%d", "type": "noop",
						 "schedule": {"kind": "interval", "every": "PT1S"}}""".formatted(i);
				creates.add(List.of(executor.submit(() -> a.api().post("/api/v1/jobs", job)),
						executor.submit(() -> b.api().post("/api/v1/jobs", job))));
			}
			for (List<Future<Api.Response>> pair : creates) {
				assertThat(List.of(pair.get(0).get().status(), pair.get(1).get().status()))
					.containsExactlyInAnyOrder(201, 409);
			}
		}
	}

	private static final class Stable {

		private final Api api;

		private long last = -1;

		Stable(Api api) {
			this.api = api;
		}

		boolean settled() {
			long now = executions(this.api);
			boolean settled = now == this.last;
			this.last = now;
			return settled;
		}

	}

}
