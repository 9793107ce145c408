package dev.timekeeper.jobs;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.timekeeper.support.Postgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counts of jobs by state equal the states the job view works out job by job, for
 * every combination of a job's own trigger's state, another trigger of the job (a run by
 * hand or a retry) and a run in progress, each on its own and all together, beside rows
 * that count for nothing, on an H2 file database and on PostgreSQL (skipped, saying why,
 * when it is not reachable).
 */
class JobStateCountsQueryTests {

	private static final String SCHED = "counts";

	/** A job's own trigger's states; null: none (a one-shot job's, gone as it fired). */
	private static final List<String> OWN_STATES = states("WAITING", "ACQUIRED", "BLOCKED", "PAUSED", "PAUSED_BLOCKED",
			"ERROR", "COMPLETE", null);

	/** The state of another trigger of the job; null: none. */
	private static final List<String> OTHER_STATES = states("WAITING", "PAUSED", "COMPLETE", null);

	@Test
	void countsWhatTheViewGivesEachJobOnH2(@TempDir Path directory) {
		String url = "jdbc:h2:file:" + directory.resolve("counts");
		compare(url, "sa", "h2", (jdbc) -> {
			String plan = jdbc.sql("EXPLAIN " + JobStateCounts.STATE_COUNTS)
				.param("sched", SCHED)
				.query(String.class)
				.single();
			assertThat(plan).as("H2 reads the triggers in the table's order, not through an index")
				.contains("QRTZ_TRIGGERS.tableScan")
				.doesNotContain("IDX_QRTZ_T_JG");
		});
	}

	@Test
	void countsWhatTheViewGivesEachJobOnPostgresql() {
		Postgres.assumeReachable();
		String database = "tk_counts_" + ProcessHandle.current().pid();
		String url = Postgres.freshDatabase(database);
		try {
			compare(url, Postgres.USER, "postgresql", (jdbc) -> {
			});
		}
		finally {
			Postgres.drop(database);
		}
	}

	private static void compare(String url, String user, String vendor, Consumer<JdbcClient> more) {
		Flyway.configure().dataSource(url, user, "").locations("classpath:db/migration/" + vendor).load().migrate();
		SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, user, "", true);
		try {
			JdbcClient jdbc = JdbcClient.create(dataSource);
			JobStateCounts counts = new JobStateCounts(jdbc, SCHED);
			insertOthers(jdbc);
			// each combination on its own, so that two wrong states cannot cancel out
			int jobs = 0;
			for (String own : OWN_STATES) {
				for (String other : OTHER_STATES) {
					for (boolean running : List.of(false, true)) {
						String name = "job-" + jobs++;
						insertJob(jdbc, name, own, other, running);
						assertThat(counts.countByState()).as("own %s, other %s, running %s", own, other, running)
							.isEqualTo(perJob(jdbc))
							.hasSize(1);
						deleteJob(jdbc, name);
					}
				}
			}
			// and all of them at once
			for (int i = 0; i < jobs; i++) {
				insertJob(jdbc, "job-" + i, OWN_STATES.get(i / (2 * OTHER_STATES.size())),
						OTHER_STATES.get((i / 2) % OTHER_STATES.size()), i % 2 == 1);
			}
			Map<JobState, Long> counted = counts.countByState();
			assertThat(counted).isEqualTo(perJob(jdbc));
			assertThat(counted).containsOnlyKeys(JobState.NORMAL, JobState.PAUSED, JobState.RUNNING, JobState.ERROR,
					JobState.BLOCKED, JobState.COMPLETE);
			assertThat(counted.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(jobs);
			more.accept(jdbc);
		}
		finally {
			dataSource.destroy();
		}
	}

	/**
	 * Rows that count for nothing: a fired trigger whose run has not started, a run in
	 * progress of a job that no longer exists, and another scheduler's job, trigger and
	 * run.
	 */
	private static void insertOthers(JdbcClient jdbc) {
		insertFired(jdbc, SCHED, "acquired", "not-started", "ACQUIRED");
		insertFired(jdbc, SCHED, "gone", "gone", "EXECUTING");
		jdbc.sql("""
				INSERT INTO QRTZ_JOB_DETAILS (SCHED_NAME, JOB_NAME, JOB_GROUP, JOB_CLASS_NAME, IS_DURABLE,
				  IS_NONCONCURRENT, IS_UPDATE_DATA, REQUESTS_RECOVERY)
				VALUES ('elsewhere', 'elsewhere', 'g', 'dev.timekeeper.jobs.QuartzJob', TRUE, TRUE, FALSE, FALSE)""")
			.update();
		insertTrigger(jdbc, "elsewhere", "elsewhere", "elsewhere", "WAITING");
		insertTrigger(jdbc, "elsewhere", "elsewhere" + Retries.MARK + "1", "elsewhere", "WAITING");
		insertFired(jdbc, "elsewhere", "elsewhere", "elsewhere", "EXECUTING");
	}

	/** The states as the job view works them out, one job at a time. */
	private static Map<JobState, Long> perJob(JdbcClient jdbc) {
		Map<JobState, Long> counts = new EnumMap<>(JobState.class);
		jdbc.sql("SELECT " + JobViews.STATE + " AS state FROM TK_JOB j " + JobViews.OWN_TRIGGER)
			.param("sched", SCHED)
			.query((rs) -> {
				counts.merge(JobState.valueOf(rs.getString(1)), 1L, Long::sum);
			});
		return counts;
	}

	private static void insertJob(JdbcClient jdbc, String name, String own, String other, boolean running) {
		jdbc.sql("""
				INSERT INTO TK_JOB (JOB_GROUP, JOB_NAME, JOB_TYPE, DEFINITION, CREATED_AT, UPDATED_AT, VERSION)
				VALUES ('g', :name, 'noop', '{}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)""")
			.param("name", name)
			.update();
		jdbc.sql("""
				INSERT INTO QRTZ_JOB_DETAILS (SCHED_NAME, JOB_NAME, JOB_GROUP, JOB_CLASS_NAME, IS_DURABLE,
				  IS_NONCONCURRENT, IS_UPDATE_DATA, REQUESTS_RECOVERY)
				VALUES (:sched, :name, 'g', 'dev.timekeeper.jobs.QuartzJob', TRUE, TRUE, FALSE, FALSE)""")
			.param("sched", SCHED)
			.param("name", name)
			.update();
		if (own != null) {
			insertTrigger(jdbc, SCHED, name, name, own);
		}
		if (other != null) {
			insertTrigger(jdbc, SCHED, name + Retries.MARK + "1", name, other);
		}
		if (running) {
			insertFired(jdbc, SCHED, name, name, "EXECUTING");
		}
	}

	private static void deleteJob(JdbcClient jdbc, String name) {
		for (String table : List.of("QRTZ_FIRED_TRIGGERS", "QRTZ_TRIGGERS", "QRTZ_JOB_DETAILS", "TK_JOB")) {
			jdbc.sql("DELETE FROM " + table + " WHERE JOB_NAME = :name").param("name", name).update();
		}
	}

	private static void insertTrigger(JdbcClient jdbc, String sched, String trigger, String job, String state) {
		jdbc.sql("""
				INSERT INTO QRTZ_TRIGGERS (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP, JOB_NAME, JOB_GROUP,
				  NEXT_FIRE_TIME, TRIGGER_STATE, TRIGGER_TYPE, START_TIME)
				VALUES (:sched, :trigger, 'g', :job, 'g', 1, :state, 'SIMPLE', 1)""")
			.param("sched", sched)
			.param("trigger", trigger)
			.param("job", job)
			.param("state", state)
			.update();
	}

	private static void insertFired(JdbcClient jdbc, String sched, String entry, String job, String state) {
		jdbc.sql("""
				INSERT INTO QRTZ_FIRED_TRIGGERS (SCHED_NAME, ENTRY_ID, TRIGGER_NAME, TRIGGER_GROUP, INSTANCE_NAME,
				  FIRED_TIME, SCHED_TIME, PRIORITY, STATE, JOB_NAME, JOB_GROUP)
				VALUES (:sched, :entry, :job, 'g', 'node', 1, 1, 5, :state, :job, 'g')""")
			.param("sched", sched)
			.param("entry", entry)
			.param("job", job)
			.param("state", state)
			.update();
	}

	private static List<String> states(String... states) {
		return Arrays.asList(states);
	}

}
