package dev.timekeeper.jobs;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import org.quartz.Scheduler;
import org.quartz.SchedulerException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts the jobs in each state, as the job view gives each job's state, without working
 * the state out job by job.
 */
@Component
class JobStateCounts {

	/**
	 * The jobs that have triggers, each with its state as {@link JobViews}'s per-job
	 * state works it out, from one pass over the triggers grouped by job: whether any is
	 * paused, whether any will fire again, and the state of the job's own schedule
	 * trigger. Only a job that is not paused is looked up among the runs in progress.
	 */
	private static final String TRIGGERED_STATES = """
			SELECT CASE
			  WHEN a.paused = 1 THEN 'PAUSED'
			  WHEN EXISTS (SELECT 1 FROM QRTZ_FIRED_TRIGGERS f WHERE f.SCHED_NAME = :sched
			      AND f.JOB_GROUP = a.JOB_GROUP AND f.JOB_NAME = a.JOB_NAME AND f.STATE = 'EXECUTING') THEN 'RUNNING'
			  WHEN a.error = 1 THEN 'ERROR'
			  WHEN a.blocked = 1 THEN 'BLOCKED'
			  WHEN a.live = 0 THEN 'COMPLETE'
			  ELSE 'NORMAL'
			END AS state
			FROM (SELECT x.JOB_GROUP, x.JOB_NAME,
			    MAX(CASE WHEN x.TRIGGER_STATE IN ('PAUSED', 'PAUSED_BLOCKED') THEN 1 ELSE 0 END) AS paused,
			    MAX(CASE WHEN x.TRIGGER_STATE <> 'COMPLETE' THEN 1 ELSE 0 END) AS live,
			    MAX(CASE WHEN x.TRIGGER_STATE = 'ERROR' AND x.TRIGGER_GROUP = x.JOB_GROUP
			      AND x.TRIGGER_NAME = x.JOB_NAME THEN 1 ELSE 0 END) AS error,
			    MAX(CASE WHEN x.TRIGGER_STATE = 'BLOCKED' AND x.TRIGGER_GROUP = x.JOB_GROUP
			      AND x.TRIGGER_NAME = x.JOB_NAME THEN 1 ELSE 0 END) AS blocked
			  FROM QRTZ_TRIGGERS x WHERE x.SCHED_NAME = :sched
			  GROUP BY x.JOB_GROUP, x.JOB_NAME) a""";

	/**
	 * The counts of {@link #TRIGGERED_STATES}, of all jobs, and of the jobs with a run in
	 * progress and no trigger left (a one-shot job's only run), in one statement, so that
	 * they are read from one snapshot.
	 */
	private static final String STATE_COUNTS = "SELECT s.state, COUNT(*) FROM (" + TRIGGERED_STATES + """
			) s GROUP BY s.state
			UNION ALL SELECT 'JOBS', COUNT(*) FROM TK_JOB
			UNION ALL SELECT 'RUNNING_WITHOUT_TRIGGERS', COUNT(*) FROM (SELECT DISTINCT f.JOB_GROUP, f.JOB_NAME
			  FROM QRTZ_FIRED_TRIGGERS f
			  WHERE f.SCHED_NAME = :sched AND f.STATE = 'EXECUTING'
			  AND NOT EXISTS (SELECT 1 FROM QRTZ_TRIGGERS x WHERE x.SCHED_NAME = :sched
			    AND x.JOB_GROUP = f.JOB_GROUP AND x.JOB_NAME = f.JOB_NAME)
			  AND EXISTS (SELECT 1 FROM TK_JOB j WHERE j.JOB_GROUP = f.JOB_GROUP AND j.JOB_NAME = f.JOB_NAME)) r""";

	private final JdbcClient jdbc;

	private final String schedulerName;

	JobStateCounts(JdbcClient jdbc, Scheduler scheduler) throws SchedulerException {
		this.jdbc = jdbc;
		this.schedulerName = scheduler.getSchedulerName();
	}

	/**
	 * How many jobs are in each state: those with triggers counted from the triggers
	 * grouped by job, the rest (no trigger left) complete unless a run is in progress.
	 * Worked out job by job, as the job view does, H2 ran three correlated queries per
	 * job and allocated about a gigabyte for 100,000 jobs, enough for a few young
	 * collections in a row in the runs' way (the metrics ask every 10 s).
	 * <p>
	 * Every job with triggers has its definition (both are written and deleted in one
	 * transaction).
	 * @return the counts of the states that have jobs
	 */
	Map<JobState, Long> countByState() {
		Map<String, Long> read = new HashMap<>();
		this.jdbc.sql(STATE_COUNTS).param("sched", this.schedulerName).query((rs) -> {
			read.put(rs.getString(1), rs.getLong(2));
		});
		long jobs = read.getOrDefault("JOBS", 0L);
		long running = read.getOrDefault("RUNNING_WITHOUT_TRIGGERS", 0L);
		Map<JobState, Long> counts = new EnumMap<>(JobState.class);
		for (JobState state : JobState.values()) {
			counts.put(state, read.getOrDefault(state.name(), 0L));
		}
		long withTriggers = counts.values().stream().mapToLong(Long::longValue).sum();
		counts.merge(JobState.RUNNING, running, Long::sum);
		counts.merge(JobState.COMPLETE, jobs - withTriggers - running, Long::sum);
		counts.values().removeIf((count) -> count <= 0);
		return counts;
	}

}
