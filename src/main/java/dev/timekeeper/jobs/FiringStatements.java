package dev.timekeeper.jobs;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import org.quartz.CronTrigger;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.JobPersistenceException;
import org.quartz.SimpleTrigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.JobDetailImpl;
import org.quartz.impl.jdbcjobstore.Constants;
import org.quartz.impl.jdbcjobstore.StdJDBCConstants;
import org.quartz.impl.jdbcjobstore.TriggerPersistenceDelegate;
import org.quartz.impl.jdbcjobstore.TriggerPersistenceDelegate.TriggerPropertyBundle;
import org.quartz.impl.jdbcjobstore.Util;
import org.quartz.impl.triggers.CronTriggerImpl;
import org.quartz.impl.triggers.SimpleTriggerImpl;
import org.quartz.spi.ClassLoadHelper;
import org.quartz.spi.OperableTrigger;

/**
 * Quartz's per-trigger statements of acquiring and firing, for a whole batch of triggers
 * at once: one query reads what Quartz reads with one query per trigger, and one JDBC
 * batch writes what it writes with one statement per trigger. Each method does exactly
 * what the Quartz delegate methods it names do, row for row (the job store's tests hold
 * it to that), only in fewer trips to the database, which under Quartz's trigger lock is
 * what a burst of fires waits for.
 * <p>
 * Rows are looked up by name ({@code SCHED_NAME = ? AND TRIGGER_NAME IN (...)}, a prefix
 * of the primary key that every database's index serves), and their groups matched here.
 */
final class FiringStatements {

	/** A simple trigger's state property, as Quartz's persistence delegate names it. */
	private static final String TIMES_TRIGGERED = "timesTriggered";

	/**
	 * The states a serial job's other triggers leave when one of its triggers fires
	 * (parameters, not literals: Quartz's table-prefix replacement is a
	 * {@code MessageFormat}, which takes quotes for its own).
	 */
	private static final String BLOCK_JOB_TRIGGERS = "UPDATE {0}TRIGGERS SET TRIGGER_STATE = CASE WHEN TRIGGER_STATE = ?"
			+ " THEN ? ELSE ? END WHERE SCHED_NAME = {1} AND JOB_NAME = ? AND JOB_GROUP = ? AND TRIGGER_STATE IN (?, ?, ?)"
			+ " AND (TRIGGER_NAME <> ? OR TRIGGER_GROUP <> ?)";

	private final UnaryOperator<String> rtp;

	private final KeyedStatements.KeyJoin join;

	private final Supplier<String> instanceId;

	private final JobDataReader jobData;

	private final Function<String, @Nullable TriggerPersistenceDelegate> kinds;

	/**
	 * Statements of a delegate.
	 * @param rtp the delegate's table-prefix and scheduler-name replacement
	 * @param join how the delegate's database joins a list of keys to a table
	 * @param instanceId the scheduler instance's id (the delegate knows it only once
	 * initialized)
	 * @param jobData reads a job's or a trigger's data map from its row, as the delegate
	 * does
	 * @param kinds the delegate's persistence of each kind of trigger, by its
	 * discriminator
	 */
	FiringStatements(UnaryOperator<String> rtp, KeyedStatements.KeyJoin join, Supplier<String> instanceId,
			JobDataReader jobData, Function<String, @Nullable TriggerPersistenceDelegate> kinds) {
		this.rtp = rtp;
		this.join = join;
		this.instanceId = instanceId;
		this.jobData = jobData;
		this.kinds = kinds;
	}

	/**
	 * The triggers, as {@code selectTrigger} builds them, read with their kind's row in
	 * one query (Quartz's own {@code SELECT_BULK_TRIGGERS_BASE}).
	 * @param conn the connection
	 * @param keys the triggers
	 * @return the triggers it could build; one that no longer exists, or of a kind whose
	 * properties are not in that query's row, is absent
	 */
	Map<TriggerKey, OperableTrigger> selectTriggers(Connection conn, Collection<TriggerKey> keys) throws SQLException {
		Map<TriggerKey, OperableTrigger> triggers = new HashMap<>();
		String from = "FROM " + StdJDBCConstants.TABLE_PREFIX_SUBST + "TRIGGERS T ";
		String base = StdJDBCConstants.SELECT_BULK_TRIGGERS_BASE;
		int at = base.indexOf(from);
		KeyedStatements.select(conn, this.rtp, this.join, base.substring("SELECT ".length(), at), "TRIGGERS", "TRIGGER",
				base.substring(at + from.length()), keys, TriggerKey::getName, TriggerKey::getGroup, (rows) -> {
					OperableTrigger trigger = trigger(rows);
					if (trigger != null) {
						triggers.put(trigger.getKey(), trigger);
					}
				});
		return triggers;
	}

	/**
	 * {@code updateTrigger} for triggers of Quartz's simple and cron kinds whose data is
	 * unchanged (the row's data column is left as it is, as Quartz leaves it).
	 * @param conn the connection
	 * @param triggers the triggers, with their new states
	 */
	void updateTriggers(Connection conn, Map<OperableTrigger, String> triggers) throws SQLException {
		try (PreparedStatement statement = conn
			.prepareStatement(this.rtp.apply(StdJDBCConstants.UPDATE_TRIGGER_SKIP_DATA))) {
			for (Map.Entry<OperableTrigger, String> entry : triggers.entrySet()) {
				OperableTrigger trigger = entry.getKey();
				statement.setString(1, trigger.getJobKey().getName());
				statement.setString(2, trigger.getJobKey().getGroup());
				statement.setString(3, trigger.getDescription());
				statement.setBigDecimal(4, BigDecimal.valueOf(millis(trigger.getNextFireTime(), -1)));
				statement.setBigDecimal(5, BigDecimal.valueOf(millis(trigger.getPreviousFireTime(), -1)));
				statement.setString(6, entry.getValue());
				statement.setString(7,
						(trigger instanceof CronTrigger) ? Constants.TTYPE_CRON : Constants.TTYPE_SIMPLE);
				statement.setBigDecimal(8, BigDecimal.valueOf(trigger.getStartTime().getTime()));
				statement.setBigDecimal(9, BigDecimal.valueOf(millis(trigger.getEndTime(), 0)));
				statement.setString(10, trigger.getCalendarName());
				statement.setInt(11, trigger.getMisfireInstruction());
				statement.setInt(12, trigger.getPriority());
				statement.setString(13, trigger.getKey().getName());
				statement.setString(14, trigger.getKey().getGroup());
				statement.addBatch();
			}
			statement.executeBatch();
		}
		List<SimpleTrigger> simple = triggers.keySet()
			.stream()
			.filter(SimpleTrigger.class::isInstance)
			.map(SimpleTrigger.class::cast)
			.toList();
		KeyedStatements.batch(conn, this.rtp, StdJDBCConstants.UPDATE_SIMPLE_TRIGGER, simple, (statement, trigger) -> {
			statement.setInt(1, trigger.getRepeatCount());
			statement.setBigDecimal(2, BigDecimal.valueOf(trigger.getRepeatInterval()));
			statement.setInt(3, trigger.getTimesTriggered());
			statement.setString(4, trigger.getKey().getName());
			statement.setString(5, trigger.getKey().getGroup());
		});
		List<CronTrigger> cron = triggers.keySet()
			.stream()
			.filter(CronTrigger.class::isInstance)
			.map(CronTrigger.class::cast)
			.toList();
		KeyedStatements.batch(conn, this.rtp, StdJDBCConstants.UPDATE_CRON_TRIGGER, cron, (statement, trigger) -> {
			statement.setString(1, trigger.getCronExpression());
			statement.setString(2, trigger.getTimeZone().getID());
			statement.setString(3, trigger.getKey().getName());
			statement.setString(4, trigger.getKey().getGroup());
		});
	}

	/**
	 * Whether {@link #updateTriggers} stores this trigger as Quartz would: Quartz's own
	 * simple or cron trigger, stored by that kind's persistence, with unchanged data.
	 * @param trigger the trigger
	 * @return whether it does
	 */
	static boolean isPlain(OperableTrigger trigger) {
		return isPlainKind(trigger) && !trigger.getJobDataMap().isDirty();
	}

	/**
	 * Whether the trigger is of Quartz's own simple or cron kind, stored in that kind's
	 * table alone.
	 * @param trigger the trigger
	 * @return whether it is
	 */
	static boolean isPlainKind(OperableTrigger trigger) {
		return (trigger instanceof SimpleTriggerImpl simple && !simple.hasAdditionalProperties())
				|| (trigger instanceof CronTriggerImpl cron && !cron.hasAdditionalProperties());
	}

	private static long millis(@Nullable Date date, long otherwise) {
		return (date != null) ? date.getTime() : otherwise;
	}

	/**
	 * A trigger from its row, as Quartz's {@code handleTriggerV2} builds it; null for a
	 * kind whose properties are not in the row (a serialized trigger, or a kind of one's
	 * own).
	 */
	private @Nullable OperableTrigger trigger(ResultSet rows) throws SQLException {
		String type = rows.getString(StdJDBCConstants.COL_TRIGGER_TYPE);
		TriggerPersistenceDelegate kind = Constants.TTYPE_BLOB.equals(type) ? null : this.kinds.apply(type);
		if (kind == null || !kind.hasInlinedResultSetProperties()) {
			return null;
		}
		TriggerKey key = new TriggerKey(rows.getString(StdJDBCConstants.COL_TRIGGER_NAME),
				rows.getString(StdJDBCConstants.COL_TRIGGER_GROUP));
		TriggerPropertyBundle properties;
		try {
			properties = kind.loadExtendedTriggerPropertiesFromResultSet(rows, key);
		}
		catch (IllegalStateException ex) {
			// its kind's row is missing: Quartz's own read decides what that means
			return null;
		}
		long endTime = rows.getLong(StdJDBCConstants.COL_END_TIME);
		TriggerBuilder<?> builder = TriggerBuilder.newTrigger()
			.withDescription(rows.getString(StdJDBCConstants.COL_DESCRIPTION))
			.withPriority(rows.getInt(StdJDBCConstants.COL_PRIORITY))
			.startAt(new Date(rows.getLong(StdJDBCConstants.COL_START_TIME)))
			.endAt((endTime > 0) ? new Date(endTime) : null)
			.withIdentity(key)
			.modifiedByCalendar(rows.getString(StdJDBCConstants.COL_CALENDAR_NAME))
			.withSchedule(properties.getScheduleBuilder())
			.forJob(new JobKey(rows.getString(StdJDBCConstants.COL_JOB_NAME),
					rows.getString(StdJDBCConstants.COL_JOB_GROUP)));
		try {
			Map<?, ?> data = this.jobData.read(rows);
			if (data != null) {
				builder.usingJobData(new JobDataMap(data));
			}
		}
		catch (ClassNotFoundException | IOException ex) {
			return null;
		}
		OperableTrigger trigger = (OperableTrigger) builder.build();
		trigger.setMisfireInstruction(rows.getInt(StdJDBCConstants.COL_MISFIRE_INSTRUCTION));
		long next = rows.getLong(StdJDBCConstants.COL_NEXT_FIRE_TIME);
		long previous = rows.getLong(StdJDBCConstants.COL_PREV_FIRE_TIME);
		trigger.setNextFireTime((next > 0) ? new Date(next) : null);
		trigger.setPreviousFireTime((previous > 0) ? new Date(previous) : null);
		if (properties.getStatePropertyNames() != null && !setTimesTriggered(trigger, properties)) {
			try {
				Util.setBeanProps(trigger, properties.getStatePropertyNames(), properties.getStatePropertyValues());
			}
			catch (JobPersistenceException ex) {
				return null;
			}
		}
		return trigger;
	}

	/**
	 * Sets a simple trigger's one state property, {@code timesTriggered}, without the
	 * reflection of {@code Util.setBeanProps}: bean introspection and a reflective call
	 * per trigger, and in a burst the JIT compiler's time to compile them. Timekeeper's
	 * interval and once schedules are simple triggers; other kinds take Quartz's way.
	 * @return whether it was set
	 */
	private static boolean setTimesTriggered(OperableTrigger trigger, TriggerPropertyBundle properties) {
		String[] names = properties.getStatePropertyNames();
		Object[] values = properties.getStatePropertyValues();
		if (trigger instanceof SimpleTriggerImpl simple && names.length == 1 && TIMES_TRIGGERED.equals(names[0])
				&& values[0] instanceof Integer times) {
			simple.setTimesTriggered(times);
			return true;
		}
		return false;
	}

	/**
	 * The state of each trigger, as {@code selectTriggerState} reads it.
	 * @param conn the connection
	 * @param keys the triggers
	 * @return each trigger's state; a trigger that no longer exists is absent
	 */
	Map<TriggerKey, String> selectTriggerStates(Connection conn, Collection<TriggerKey> keys) throws SQLException {
		Map<TriggerKey, String> states = new HashMap<>();
		KeyedStatements.select(conn, this.rtp, this.join, "T.TRIGGER_NAME, T.TRIGGER_GROUP, T.TRIGGER_STATE",
				"TRIGGERS", "TRIGGER", keys, TriggerKey::getName, TriggerKey::getGroup,
				(rows) -> states.put(new TriggerKey(rows.getString(1), rows.getString(2)), rows.getString(3)));
		return states;
	}

	/**
	 * The jobs, as {@code selectJobDetail} reads them (with their classes and data).
	 * @param conn the connection
	 * @param keys the jobs
	 * @param classes loads the job classes
	 * @return each job; a job that no longer exists, or whose class or data cannot be
	 * read, is absent
	 */
	Map<JobKey, JobDetail> selectJobDetails(Connection conn, Collection<JobKey> keys, ClassLoadHelper classes)
			throws SQLException {
		Map<JobKey, JobDetail> jobs = new HashMap<>();
		KeyedStatements.select(conn, this.rtp, this.join, "T.*", "JOB_DETAILS", "JOB", keys, JobKey::getName,
				JobKey::getGroup, (rows) -> {
					JobKey key = new JobKey(rows.getString(StdJDBCConstants.COL_JOB_NAME),
							rows.getString(StdJDBCConstants.COL_JOB_GROUP));
					JobDetail job = jobDetail(key, rows, classes);
					if (job != null) {
						jobs.put(key, job);
					}
				});
		return jobs;
	}

	/**
	 * Which of the jobs disallow concurrent runs (read without their data or classes).
	 * @param conn the connection
	 * @param keys the jobs
	 * @return whether each job is serial; a job that no longer exists is absent
	 */
	Map<JobKey, Boolean> selectNonConcurrent(Connection conn, Collection<JobKey> keys) throws SQLException {
		Map<JobKey, Boolean> serial = new HashMap<>();
		KeyedStatements.select(conn, this.rtp, this.join, "T.JOB_NAME, T.JOB_GROUP, T.IS_NONCONCURRENT", "JOB_DETAILS",
				"JOB", keys, JobKey::getName, JobKey::getGroup,
				(rows) -> serial.put(new JobKey(rows.getString(1), rows.getString(2)), rows.getBoolean(3)));
		return serial;
	}

	/**
	 * {@code updateTriggerStateFromOtherState} for each trigger.
	 * @param conn the connection
	 * @param keys the triggers
	 * @param newState their new state
	 * @param oldState the state they must be in
	 * @return for each trigger, in order, whether it was in that state and is now in the
	 * new one
	 */
	boolean[] updateTriggerStatesFromOtherState(Connection conn, List<TriggerKey> keys, String newState,
			String oldState) throws SQLException {
		try (PreparedStatement statement = conn
			.prepareStatement(this.rtp.apply(StdJDBCConstants.UPDATE_TRIGGER_STATE_FROM_STATE))) {
			for (TriggerKey key : keys) {
				statement.setString(1, newState);
				statement.setString(2, key.getName());
				statement.setString(3, key.getGroup());
				statement.setString(4, oldState);
				statement.addBatch();
			}
			return KeyedStatements.updated(statement.executeBatch(), keys.size());
		}
	}

	/**
	 * {@code insertFiredTrigger} for each trigger, as acquisition calls it (no job yet).
	 * @param conn the connection
	 * @param triggers the triggers, each with its fire instance id
	 * @param state the fired triggers' state
	 */
	void insertFiredTriggers(Connection conn, List<OperableTrigger> triggers, String state) throws SQLException {
		try (PreparedStatement statement = conn
			.prepareStatement(this.rtp.apply(StdJDBCConstants.INSERT_FIRED_TRIGGER))) {
			long now = System.currentTimeMillis();
			for (OperableTrigger trigger : triggers) {
				statement.setString(1, trigger.getFireInstanceId());
				statement.setString(2, trigger.getKey().getName());
				statement.setString(3, trigger.getKey().getGroup());
				statement.setString(4, this.instanceId.get());
				statement.setBigDecimal(5, BigDecimal.valueOf(now));
				statement.setBigDecimal(6, BigDecimal.valueOf(trigger.getNextFireTime().getTime()));
				statement.setString(7, state);
				statement.setString(8, null);
				statement.setString(9, null);
				statement.setBoolean(10, false);
				statement.setBoolean(11, false);
				statement.setInt(12, trigger.getPriority());
				statement.addBatch();
			}
			statement.executeBatch();
		}
	}

	/**
	 * {@code updateFiredTrigger} for each trigger, with its job.
	 * @param conn the connection
	 * @param triggers the triggers, each with its fire instance id
	 * @param state the fired triggers' new state
	 * @param jobs the triggers' jobs
	 */
	void updateFiredTriggers(Connection conn, List<OperableTrigger> triggers, String state, Map<JobKey, JobDetail> jobs)
			throws SQLException {
		try (PreparedStatement statement = conn
			.prepareStatement(this.rtp.apply(StdJDBCConstants.UPDATE_FIRED_TRIGGER))) {
			long now = System.currentTimeMillis();
			for (OperableTrigger trigger : triggers) {
				JobDetail job = jobs.get(trigger.getJobKey());
				statement.setString(1, this.instanceId.get());
				statement.setBigDecimal(2, BigDecimal.valueOf(now));
				statement.setBigDecimal(3, BigDecimal.valueOf(trigger.getNextFireTime().getTime()));
				statement.setString(4, state);
				statement.setString(5, trigger.getJobKey().getName());
				statement.setString(6, trigger.getJobKey().getGroup());
				statement.setBoolean(7, job != null && job.isConcurrentExecutionDisallowed());
				statement.setBoolean(8, job != null && job.requestsRecovery());
				statement.setString(9, trigger.getFireInstanceId());
				statement.addBatch();
			}
			statement.executeBatch();
		}
	}

	/**
	 * What Quartz does to a serial job's triggers when one of them fires: its three
	 * {@code updateTriggerStatesForJobFromOtherState} calls (waiting and acquired become
	 * blocked, paused becomes paused-blocked) as one statement per job. The firing
	 * trigger itself is left out: its row is written again in the same transaction with
	 * its state after the fire, and on PostgreSQL each change of a trigger's state is a
	 * new row version with an entry in every index of the table.
	 * @param conn the connection
	 * @param firing the firing triggers of serial jobs, one per job
	 */
	void blockTriggersOfJobs(Connection conn, Collection<OperableTrigger> firing) throws SQLException {
		try (PreparedStatement statement = conn.prepareStatement(this.rtp.apply(BLOCK_JOB_TRIGGERS))) {
			for (OperableTrigger trigger : firing) {
				statement.setString(1, Constants.STATE_PAUSED);
				statement.setString(2, Constants.STATE_PAUSED_BLOCKED);
				statement.setString(3, Constants.STATE_BLOCKED);
				statement.setString(4, trigger.getJobKey().getName());
				statement.setString(5, trigger.getJobKey().getGroup());
				statement.setString(6, Constants.STATE_WAITING);
				statement.setString(7, Constants.STATE_ACQUIRED);
				statement.setString(8, Constants.STATE_PAUSED);
				statement.setString(9, trigger.getKey().getName());
				statement.setString(10, trigger.getKey().getGroup());
				statement.addBatch();
			}
			statement.executeBatch();
		}
	}

	/**
	 * The job, or null when its class or data cannot be read (Quartz's own path then
	 * marks its trigger).
	 */
	private @Nullable JobDetail jobDetail(JobKey key, ResultSet rows, ClassLoadHelper classes) throws SQLException {
		JobDetailImpl job = new JobDetailImpl();
		job.setName(key.getName());
		job.setGroup(key.getGroup());
		job.setDescription(rows.getString(StdJDBCConstants.COL_DESCRIPTION));
		job.setDurability(rows.getBoolean(StdJDBCConstants.COL_IS_DURABLE));
		job.setRequestsRecovery(rows.getBoolean(StdJDBCConstants.COL_REQUESTS_RECOVERY));
		try {
			job.setJobClass(classes.loadClass(rows.getString(StdJDBCConstants.COL_JOB_CLASS), Job.class));
			Map<?, ?> data = this.jobData.read(rows);
			if (data != null) {
				job.setJobDataMap(new JobDataMap(data));
			}
			return job;
		}
		catch (ClassNotFoundException | IOException ex) {
			return null;
		}
	}

	/** A delegate's way of reading a job's data map from its row. */
	@FunctionalInterface
	interface JobDataReader {

		@Nullable Map<?, ?> read(ResultSet row) throws SQLException, ClassNotFoundException, IOException;

	}

}
