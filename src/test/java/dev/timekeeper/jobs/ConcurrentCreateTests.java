package dev.timekeeper.jobs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import dev.timekeeper.support.Api;
import dev.timekeeper.support.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Creating jobs does not queue behind the scheduler's trigger lock, and creates that race
 * for one group and name still end with one job: one 201, every other a 409.
 */
class ConcurrentCreateTests extends ApiTestSupport {

	private static final String JOB = """
			{"group": "concurrent-create", "name": "%s", "type": "noop",
			 "schedule": {"kind": "interval", "every": "PT1H"}}""";

	@Autowired
	private DataSource dataSource;

	@Autowired
	private Scheduler scheduler;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void aJobIsCreatedWhileTheTriggerLockIsHeld() throws Exception {
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try {
				holdTriggerLock(connection);
				CompletableFuture<Api.Response> create = CompletableFuture
					.supplyAsync(() -> this.api.post("/api/v1/jobs", JOB.formatted("while-locked")));
				// with the lock taken on insert, the create would wait for it (H2: 10 s,
				// then fail)
				assertThat(create.get(5, TimeUnit.SECONDS).status()).isEqualTo(201);
			}
			finally {
				connection.rollback();
			}
		}
		assertThat(this.api.get("/api/v1/jobs/concurrent-create/while-locked").json().path("state").asString())
			.isEqualTo("NORMAL");
	}

	@Test
	void racingCreatesOfOneJobGiveOneCreatedAndConflicts() throws Exception {
		int racers = 8;
		for (int round = 0; round < 5; round++) {
			String name = "raced-" + round;
			List<CompletableFuture<Api.Response>> creates = new ArrayList<>();
			try (ExecutorService executor = Executors.newFixedThreadPool(racers)) {
				for (int i = 0; i < racers; i++) {
					creates.add(CompletableFuture.supplyAsync(() -> this.api.post("/api/v1/jobs", JOB.formatted(name)),
							executor));
				}
			}
			List<Integer> statuses = creates.stream().map((create) -> create.join().status()).toList();
			assertThat(statuses).as(name).containsOnly(201, 409).containsOnlyOnce(201);
			assertThat(creates).allSatisfy((create) -> {
				if (create.join().status() == 409) {
					assertThat(create.join().isProblem()).isTrue();
				}
			});
			assertThat(this.jdbc
				.sql("SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE SCHED_NAME = ? AND JOB_GROUP = ? AND JOB_NAME = ?")
				.params(this.scheduler.getSchedulerName(), "concurrent-create", name)
				.query(Long.class)
				.single()).isOne();
		}
	}

	/**
	 * Takes the row lock that Quartz's acquiring, firing and changing of triggers take
	 * (inserting it first, locked, if Quartz has not yet).
	 */
	private void holdTriggerLock(Connection connection) throws Exception {
		String schedulerName = this.scheduler.getSchedulerName();
		try (PreparedStatement select = connection.prepareStatement(
				"SELECT * FROM QRTZ_LOCKS WHERE SCHED_NAME = ? AND LOCK_NAME = 'TRIGGER_ACCESS' FOR UPDATE")) {
			select.setString(1, schedulerName);
			try (ResultSet row = select.executeQuery()) {
				if (row.next()) {
					return;
				}
			}
		}
		try (PreparedStatement insert = connection
			.prepareStatement("INSERT INTO QRTZ_LOCKS (SCHED_NAME, LOCK_NAME) VALUES (?, 'TRIGGER_ACCESS')")) {
			insert.setString(1, schedulerName);
			insert.executeUpdate();
		}
	}

}
