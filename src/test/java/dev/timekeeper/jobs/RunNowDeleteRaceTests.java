package dev.timekeeper.jobs;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.timekeeper.support.Api;
import dev.timekeeper.support.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run by hand and a delete of the same job, sent at once, end as if one came after the
 * other: the delete succeeds and leaves nothing of the job behind, and the run is either
 * accepted before it or refused as 404 after it.
 */
class RunNowDeleteRaceTests extends ApiTestSupport {

	private static final String JOB = """
			{"group": "run-delete", "name": "%s", "type": "noop",
			 "schedule": {"kind": "interval", "every": "PT1H"}}""";

	@Autowired
	private Scheduler scheduler;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void aRunByHandRacingADeleteLeavesNoTriggerBehind() throws Exception {
		for (int round = 0; round < 30; round++) {
			String name = "raced-" + round;
			assertThat(this.api.post("/api/v1/jobs", JOB.formatted(name)).status()).isEqualTo(201);
			String path = "/api/v1/jobs/run-delete/" + name;
			CompletableFuture<Api.Response> run = CompletableFuture.supplyAsync(() -> this.api.post(path + "/run"));
			CompletableFuture<Api.Response> delete = CompletableFuture.supplyAsync(() -> this.api.delete(path));
			assertThat(delete.join().status()).as("delete in round %d: %s", round, delete.join().body()).isEqualTo(204);
			assertThat(run.join().status()).as("run in round %d: %s", round, run.join().body()).isIn(202, 404);
			List<String> left = this.jdbc
				.sql("SELECT TRIGGER_NAME FROM QRTZ_TRIGGERS WHERE SCHED_NAME = ? AND JOB_GROUP = ? AND JOB_NAME = ?")
				.params(this.scheduler.getSchedulerName(), "run-delete", name)
				.query(String.class)
				.list();
			assertThat(left).as("triggers left in round %d", round).isEmpty();
		}
	}

}
