package dev.timekeeper.jobs;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.timekeeper.support.Postgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counts of jobs by state equal the states the job view works out job by job, for
 * every combination of a job's own trigger's state, another trigger of the job (a run by
 * hand or a retry) and a run in progress, on an H2 file database and on PostgreSQL
 * (skipped, saying why, when it is not reachable).
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
		compare(url, "sa", "h2");
	}

	@Test
	void countsWhatTheViewGivesEachJobOnPostgresql() {
		Postgres.assumeReachable();
		String database = "tk_counts_" + ProcessHandle.current().pid();
		String url = Postgres.freshDatabase(database);
		try {
			compare(url, Postgres.USER, "postgresql");
		}
		finally {
			Postgres.drop(database);
		}
	}

	private static void compare(String url, String user, String vendor) {
		Flyway.configure().dataSource(url, user, "").locations("classpath:db/migration/" + vendor).load().migrate();
		JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(url, user, ""));
		int jobs = 0;
		for (String own : OWN_STATES) {
			for (String other : OTHER_STATES) {
				for (boolean running : List.of(false, true)) {
					insertJob(jdbc, "job-" + jobs++, own, other, running);
				}
			}
		}
		// a fired trigger whose run has not started is no run in progress
		insertJob(jdbc, "acquired-run", "WAITING", null, false);
		jdbc.sql("""
				INSERT INTO QRTZ_FIRED_TRIGGERS (SCHED_NAME, ENTRY_ID, TRIGGER_NAME, TRIGGER_GROUP, INSTANCE_NAME,
				  FIRED_TIME, SCHED_TIME, PRIORITY, STATE, JOB_NAME, JOB_GROUP)
				VALUES (:sched, 'acquired', 'acquired-run', 'g', 'node', 1, 1, 5, 'ACQUIRED', 'acquired-run', 'g')""")
			.param("sched", SCHED)
			.update();
		Map<JobState, Long> counted = new JobStateCounts(jdbc, SCHED).countByState();
		assertThat(counted).isEqualTo(perJob(jdbc));
		assertThat(counted).containsOnlyKeys(JobState.NORMAL, JobState.PAUSED, JobState.RUNNING, JobState.ERROR,
				JobState.BLOCKED, JobState.COMPLETE);
		assertThat(counted.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(jobs + 1);
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
			insertTrigger(jdbc, name, name, own);
		}
		if (other != null) {
			insertTrigger(jdbc, name + Retries.MARK + "1", name, other);
		}
		if (running) {
			jdbc.sql("""
					INSERT INTO QRTZ_FIRED_TRIGGERS (SCHED_NAME, ENTRY_ID, TRIGGER_NAME, TRIGGER_GROUP, INSTANCE_NAME,
					  FIRED_TIME, SCHED_TIME, PRIORITY, STATE, JOB_NAME, JOB_GROUP)
					VALUES (:sched, :name, :name, 'g', 'node', 1, 1, 5, 'EXECUTING', :name, 'g')""")
				.param("sched", SCHED)
				.param("name", name)
				.update();
		}
	}

	private static void insertTrigger(JdbcClient jdbc, String trigger, String job, String state) {
		jdbc.sql("""
				INSERT INTO QRTZ_TRIGGERS (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP, JOB_NAME, JOB_GROUP,
				  NEXT_FIRE_TIME, TRIGGER_STATE, TRIGGER_TYPE, START_TIME)
				VALUES (:sched, :trigger, 'g', :job, 'g', 1, :state, 'SIMPLE', 1)""")
			.param("sched", SCHED)
			.param("trigger", trigger)
			.param("job", job)
			.param("state", state)
			.update();
	}

	private static List<String> states(String... states) {
		return Arrays.asList(states);
	}

}
