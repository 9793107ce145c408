package dev.timekeeper.jobs;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts the jobs in each state, as the job view gives each job's state, without working
 * the state out job by job.
 * <p>
 * Almost every job has one trigger, its own (named as the job is), and no run in
 * progress; such a job's state is its trigger's state, mapped. So the jobs' own triggers
 * are counted by state, and only the few other jobs (a run by hand or a retry waiting, a
 * run in progress) have their state worked out by the view's rules. Grouped by job
 * instead, 100,000 jobs kept H2 busy for about a second of CPU and spilled the groups to
 * disk, and on a 2-core machine each refresh of the metric made fires due meanwhile up to
 * 350 ms late.
 */
@Component
class JobStateCounts {

	/**
	 * The condition that every trigger of this scheduler meets, for the queries that read
	 * them all: written so that no index serves it. With {@code SCHED_NAME = :sched}, H2
	 * reads the rows through an index that begins with that column, one by one in the
	 * index's order, a page read for each row that is not in its cache; reading the table
	 * in its own order took a third of the time, and less than that on a cold cache.
	 * PostgreSQL reads the whole table either way. (The tests check H2's plan, should a
	 * later H2 see through the {@code COALESCE} of a column that is never null.)
	 */
	private static final String EVERY_TRIGGER = "COALESCE(x.SCHED_NAME, '') = :sched";

	/**
	 * The jobs that have a trigger other than their own or a run in progress: the ones
	 * whose state is not their own trigger's alone.
	 */
	private static final String OTHER_JOBS = """
			SELECT x.JOB_GROUP, x.JOB_NAME FROM QRTZ_TRIGGERS x WHERE %s
			  AND (x.TRIGGER_GROUP <> x.JOB_GROUP OR x.TRIGGER_NAME <> x.JOB_NAME)
			UNION SELECT f.JOB_GROUP, f.JOB_NAME FROM QRTZ_FIRED_TRIGGERS f
			  WHERE f.SCHED_NAME = :sched AND f.STATE = 'EXECUTING'""".formatted(EVERY_TRIGGER);

	/**
	 * In one statement, so that they are read from one snapshot: the jobs' own triggers
	 * by state ({@code TRIGGERS}), the number of jobs ({@code JOBS}), and the
	 * {@link #OTHER_JOBS} by their own trigger's state (null without one) and their state
	 * ({@code OTHER}).
	 */
	static final String STATE_COUNTS = """
			SELECT 'TRIGGERS', x.TRIGGER_STATE, CAST(NULL AS VARCHAR(16)), COUNT(*) FROM QRTZ_TRIGGERS x
			  WHERE %s AND x.TRIGGER_GROUP = x.JOB_GROUP AND x.TRIGGER_NAME = x.JOB_NAME
			  GROUP BY x.TRIGGER_STATE
			UNION ALL SELECT 'JOBS', NULL, NULL, COUNT(*) FROM TK_JOB
			UNION ALL SELECT 'OTHER', s.own_state, s.state, COUNT(*) FROM (
			  SELECT t.TRIGGER_STATE AS own_state, %s AS state
			  FROM (%s) k JOIN TK_JOB j ON j.JOB_GROUP = k.JOB_GROUP AND j.JOB_NAME = k.JOB_NAME
			  %s) s
			  GROUP BY s.own_state, s.state""".formatted(EVERY_TRIGGER, JobViews.STATE, OTHER_JOBS,
			JobViews.OWN_TRIGGER);

	private final JdbcClient jdbc;

	private final String schedulerName;

	@Autowired
	JobStateCounts(JdbcClient jdbc, Scheduler scheduler) throws SchedulerException {
		this(jdbc, scheduler.getSchedulerName());
	}

	JobStateCounts(JdbcClient jdbc, String schedulerName) {
		this.jdbc = jdbc;
		this.schedulerName = schedulerName;
	}

	/**
	 * How many jobs are in each state.
	 * <p>
	 * Every job with triggers has its definition (both are written and deleted in one
	 * transaction).
	 * @return the counts of the states that have jobs
	 */
	Map<JobState, Long> countByState() {
		return fold(this.jdbc.sql(STATE_COUNTS)
			.param("sched", this.schedulerName)
			.query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
			.list());
	}

	/** The counts by state from the rows of {@link #STATE_COUNTS}. */
	private static Map<JobState, Long> fold(List<Row> rows) {
		Map<String, Long> byOwnTrigger = new HashMap<>();
		Map<JobState, Long> counts = new EnumMap<>(JobState.class);
		long jobs = 0;
		long counted = 0;
		for (Row row : rows) {
			switch (row.kind()) {
				case "TRIGGERS" -> byOwnTrigger.merge(Objects.requireNonNull(row.ownState()), row.count(), Long::sum);
				case "JOBS" -> jobs = row.count();
				case "OTHER" -> {
					counts.merge(JobState.valueOf(Objects.requireNonNull(row.state())), row.count(), Long::sum);
					counted += row.count();
					if (row.ownState() != null) {
						byOwnTrigger.merge(row.ownState(), -row.count(), Long::sum);
					}
				}
				default -> throw new IllegalStateException("Unknown kind of count: " + row.kind());
			}
		}
		for (Map.Entry<String, Long> entry : byOwnTrigger.entrySet()) {
			counts.merge(ofOwnTrigger(entry.getKey()), entry.getValue(), Long::sum);
			counted += entry.getValue();
		}
		// the rest have no trigger left and no run in progress
		counts.merge(JobState.COMPLETE, jobs - counted, Long::sum);
		counts.values().removeIf((count) -> count <= 0);
		return counts;
	}

	/**
	 * The state of a job whose only trigger is its own, in this state, and that has no
	 * run in progress: {@link JobViews#STATE} for such a job.
	 */
	private static JobState ofOwnTrigger(String triggerState) {
		return switch (triggerState) {
			case "PAUSED", "PAUSED_BLOCKED" -> JobState.PAUSED;
			case "ERROR" -> JobState.ERROR;
			case "BLOCKED" -> JobState.BLOCKED;
			case "COMPLETE" -> JobState.COMPLETE;
			default -> JobState.NORMAL;
		};
	}

	/** A row of {@link #STATE_COUNTS}. */
	private record Row(String kind, @Nullable String ownState, @Nullable String state, long count) {

	}

}
