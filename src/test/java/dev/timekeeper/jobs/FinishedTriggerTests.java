package dev.timekeeper.jobs;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import dev.timekeeper.support.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.jdbcjobstore.StdJDBCDelegate;
import org.quartz.simpl.SimpleClassLoadHelper;
import org.quartz.spi.OperableTrigger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A trigger that will not fire again is deleted in the transaction that fires it (Quartz
 * stores it as complete and deletes it when the run ends): while the run goes on the job
 * reads as running, from its fired-trigger row, and once it has ended as complete, with
 * its history; a job's other triggers stay as they were. A trigger with data of its own
 * (a retry's attempt, a run by hand's mark) is kept until the run ends, as Quartz keeps
 * it: a run recovered after a crash takes its data from the trigger's row.
 */
class FinishedTriggerTests extends ApiTestSupport {

	private static final String GROUP = "finished-trigger";

	@Autowired
	private Scheduler scheduler;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private DataSource dataSource;

	@Test
	void aOneShotJobsTriggerIsGoneAsItFiresAndTheJobReadsRunningThenComplete() throws SchedulerException {
		assertThat(this.api.post("/api/v1/jobs", """
				{"group": "%s", "name": "once", "type": "noop", "params": {"duration": "PT3S"},
				 "schedule": {"kind": "once", "after": "PT1S"}}""".formatted(GROUP)).status()).isEqualTo(201);
		assertThat(triggers("once")).isEqualTo(1);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> "RUNNING".equals(this.api.get(path("once")).json().path("state").asString()));
		assertThat(triggers("once")).as("the trigger, once fired").isZero();
		assertThat(executing("once")).as("the run's fired-trigger row").isEqualTo(1);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> "COMPLETE".equals(this.api.get(path("once")).json().path("state").asString()));
		var job = this.api.get(path("once")).json();
		assertThat(job.path("lastExecution").path("outcome").asString()).isEqualTo("SUCCESS");
		assertThat(job.path("nextFireTime").isMissingNode() || job.path("nextFireTime").isNull()).isTrue();
		assertThat(executing("once")).isZero();
		assertThat(this.api.get(path("once") + "/executions").json().path("content").size()).isEqualTo(1);
	}

	@Test
	void aRunByHandOfAPausedJobLeavesItsScheduleAlone() throws SchedulerException {
		assertThat(this.api.post("/api/v1/jobs", """
				{"group": "%s", "name": "paused", "type": "noop",
				 "schedule": {"kind": "interval", "every": "PT1H"}}""".formatted(GROUP)).status()).isEqualTo(201);
		assertThat(this.api.post(path("paused") + "/pause").status()).isEqualTo(200);
		assertThat(this.api.post(path("paused") + "/run").status()).isEqualTo(202);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.api.get(path("paused") + "/executions").json().path("content").size() == 1);
		await().atMost(Duration.ofSeconds(30)).until(() -> executing("paused") == 0);
		assertThat(triggers("paused")).as("the schedule's trigger alone").isEqualTo(1);
		var job = this.api.get(path("paused")).json();
		assertThat(job.path("state").asString()).isEqualTo("PAUSED");
		assertThat(job.path("nextFireTime").asString()).isNotEmpty();
	}

	@Test
	void anIntervalJobsLastFireDeletesItsTrigger() throws SchedulerException {
		assertThat(this.api.post("/api/v1/jobs", """
				{"group": "%s", "name": "twice", "type": "noop",
				 "schedule": {"kind": "interval", "every": "PT1S", "times": 2}}""".formatted(GROUP)).status())
			.isEqualTo(201);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> "COMPLETE".equals(this.api.get(path("twice")).json().path("state").asString()));
		assertThat(triggers("twice")).isZero();
		assertThat(this.api.get(path("twice") + "/executions").json().path("content").size()).isEqualTo(2);
	}

	@Test
	void aRunByHandKeepsItsTriggerWhileItRunsSoThatARecoveredRunIsStillARunByHand() throws Exception {
		assertThat(this.api.post("/api/v1/jobs", """
				{"group": "%s", "name": "by-hand", "type": "noop", "params": {"duration": "PT3S"},
				 "schedule": {"kind": "interval", "every": "PT1H"}}""".formatted(GROUP)).status()).isEqualTo(201);
		assertThat(this.api.post(path("by-hand") + "/run").status()).isEqualTo(202);
		await().atMost(Duration.ofSeconds(30)).until(() -> executing("by-hand") == 1);
		// what Quartz's start-up recovery would fire again if the service stopped now
		StdJDBCDelegate quartz = new StdJDBCDelegate();
		quartz.initialize(LoggerFactory.getLogger(getClass()), "QRTZ_", this.scheduler.getSchedulerName(),
				this.scheduler.getSchedulerInstanceId(), new SimpleClassLoadHelper(), true, null);
		try (Connection connection = this.dataSource.getConnection()) {
			List<OperableTrigger> recovering = quartz.selectTriggersForRecoveringJobs(connection);
			assertThat(recovering).filteredOn((trigger) -> trigger.getJobKey().getName().equals("by-hand"))
				.singleElement()
				.satisfies((trigger) -> assertThat(trigger.getJobDataMap()).containsKey(QuartzJob.MANUAL));
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> executing("by-hand") == 0);
		assertThat(triggers("by-hand")).as("the schedule's trigger alone").isEqualTo(1);
	}

	private static String path(String name) {
		return "/api/v1/jobs/" + GROUP + "/" + name;
	}

	private int triggers(String name) throws SchedulerException {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE SCHED_NAME = ? AND JOB_GROUP = ? AND JOB_NAME = ?")
			.params(this.scheduler.getSchedulerName(), GROUP, name)
			.query(Integer.class)
			.single();
	}

	private int executing(String name) throws SchedulerException {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM QRTZ_FIRED_TRIGGERS WHERE SCHED_NAME = ? AND JOB_GROUP = ? AND JOB_NAME = ?"
					+ " AND STATE = 'EXECUTING'")
			.params(this.scheduler.getSchedulerName(), GROUP, name)
			.query(Integer.class)
			.single();
	}

}
