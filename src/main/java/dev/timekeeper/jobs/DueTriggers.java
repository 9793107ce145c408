package dev.timekeeper.jobs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.quartz.impl.jdbcjobstore.Constants;

/**
 * Finds the next triggers to acquire, as Quartz's own query does, in two queries that
 * each read an index range and stop after {@code maxCount} rows.
 * <p>
 * Quartz's single query takes a trigger that is due and either ignores misfires or is not
 * yet misfired ({@code MISFIRE_INSTR = -1 OR NEXT_FIRE_TIME >= ?}). No index serves that
 * condition: a database reads the due triggers in fire-time order and skips the misfired
 * ones one by one. In a large burst thousands are misfired (the misfire handler takes 20
 * at a time), so every acquisition read thousands of rows. Here one query reads the
 * not-yet-misfired range of fire times and the other the triggers that ignore misfires;
 * the first {@code maxCount} of both, in Quartz's order (fire time, then priority), are
 * the same triggers Quartz's query returns.
 */
final class DueTriggers {

	private static final String COLUMNS = "SELECT TRIGGER_NAME, TRIGGER_GROUP, NEXT_FIRE_TIME, PRIORITY FROM {0}TRIGGERS"
			+ " WHERE SCHED_NAME = {1} AND TRIGGER_STATE = ? AND NEXT_FIRE_TIME <= ? ";

	/**
	 * Honours misfires, and is not misfired yet. Ordered by the columns of the index that
	 * serves it, {@code IDX_QRTZ_T_NFT_ST}, whose leading two are fixed by the condition:
	 * the order is Quartz's (fire time, then priority), and H2 reads the index in order
	 * and stops after {@code LIMIT} rows only when the {@code ORDER BY} names the index's
	 * columns from its first (otherwise it reads every due trigger and sorts them).
	 */
	static final String NOT_MISFIRED = COLUMNS + "AND NEXT_FIRE_TIME >= ? AND MISFIRE_INSTR <> "
			+ Trigger.MISFIRE_INSTRUCTION_IGNORE_MISFIRE_POLICY
			+ " ORDER BY SCHED_NAME, TRIGGER_STATE, NEXT_FIRE_TIME ASC, PRIORITY DESC LIMIT ?";

	/**
	 * Ignores misfires, so it is acquired however late it is; ordered likewise by the
	 * columns of {@code IDX_QRTZ_T_NFT_ST_MISFIRE}.
	 */
	static final String IGNORES_MISFIRES = COLUMNS + "AND MISFIRE_INSTR = "
			+ Trigger.MISFIRE_INSTRUCTION_IGNORE_MISFIRE_POLICY
			+ " ORDER BY SCHED_NAME, MISFIRE_INSTR, NEXT_FIRE_TIME ASC, TRIGGER_STATE, PRIORITY DESC LIMIT ?";

	private static final Comparator<Due> QUARTZ_ORDER = Comparator.comparingLong(Due::nextFireTime)
		.thenComparing(Comparator.comparingInt(Due::priority).reversed());

	private DueTriggers() {
	}

	/**
	 * The triggers to acquire next.
	 * @param conn the connection
	 * @param rtp Quartz's table-prefix and scheduler-name replacement
	 * @param noLaterThan the latest fire time
	 * @param noEarlierThan the earliest fire time of a trigger that honours misfires
	 * @param maxCount how many at most
	 * @return their keys, earliest first
	 */
	static List<TriggerKey> select(Connection conn, UnaryOperator<String> rtp, long noLaterThan, long noEarlierThan,
			int maxCount) throws SQLException {
		return due(conn, rtp, noLaterThan, noEarlierThan, maxCount).stream().map(Due::key).toList();
	}

	/**
	 * The triggers to acquire next, with when each is due.
	 * @param conn the connection
	 * @param rtp Quartz's table-prefix and scheduler-name replacement
	 * @param noLaterThan the latest fire time
	 * @param noEarlierThan the earliest fire time of a trigger that honours misfires
	 * @param maxCount how many at most
	 * @return the triggers, earliest first
	 */
	static List<Due> due(Connection conn, UnaryOperator<String> rtp, long noLaterThan, long noEarlierThan, int maxCount)
			throws SQLException {
		int limit = Math.max(maxCount, 1);
		List<Due> due = new ArrayList<>(2 * limit);
		query(conn, rtp.apply(NOT_MISFIRED), noLaterThan, noEarlierThan, limit, due);
		query(conn, rtp.apply(IGNORES_MISFIRES), noLaterThan, null, limit, due);
		due.sort(QUARTZ_ORDER);
		return due.stream().limit(limit).toList();
	}

	/**
	 * The first of the due triggers that one batch can take: those due no later than the
	 * first (or now, if that is later) plus the batch's time window, as Quartz ends a
	 * batch.
	 * @param due the due triggers, earliest first
	 * @param now the time now
	 * @param timeWindow the batch's time window
	 * @return their keys
	 */
	static List<TriggerKey> firstBatch(List<Due> due, long now, long timeWindow) {
		if (due.isEmpty()) {
			return List.of();
		}
		long end = Math.max(due.get(0).nextFireTime(), now) + timeWindow;
		return due.stream().takeWhile((trigger) -> trigger.nextFireTime() <= end).map(Due::key).toList();
	}

	private static void query(Connection conn, String sql, long noLaterThan, @Nullable Long noEarlierThan, int limit,
			List<Due> into) throws SQLException {
		try (PreparedStatement statement = conn.prepareStatement(sql)) {
			int index = 1;
			statement.setString(index++, Constants.STATE_WAITING);
			statement.setLong(index++, noLaterThan);
			if (noEarlierThan != null) {
				statement.setLong(index++, noEarlierThan);
			}
			statement.setInt(index, limit);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					into.add(new Due(new TriggerKey(rows.getString(1), rows.getString(2)), rows.getLong(3),
							rows.getInt(4)));
				}
			}
		}
	}

	/**
	 * A due trigger.
	 *
	 * @param key its key
	 * @param nextFireTime when it is due
	 * @param priority its priority
	 */
	record Due(TriggerKey key, long nextFireTime, int priority) {

	}

}
