package dev.timekeeper.jobs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.function.UnaryOperator;

import org.quartz.JobKey;
import org.quartz.TriggerKey;
import org.quartz.impl.jdbcjobstore.Constants;
import org.quartz.impl.jdbcjobstore.StdJDBCConstants;

/**
 * Quartz's per-run statements of storing finished runs, for a batch of runs at once, as
 * {@link FiringStatements} does for firing: what {@code triggeredJobComplete} writes for
 * a run whose trigger fires again, or whose trigger is finished and is deleted.
 */
final class CompletionStatements {

	/**
	 * What Quartz's two {@code updateTriggerStatesForJobFromOtherState} calls do for a
	 * serial job whose run ended: blocked becomes waiting, paused-blocked becomes paused.
	 */
	private static final String UNBLOCK_JOB_TRIGGERS = "UPDATE {0}TRIGGERS SET TRIGGER_STATE = CASE WHEN"
			+ " TRIGGER_STATE = ? THEN ? ELSE ? END WHERE SCHED_NAME = {1} AND JOB_NAME = ? AND JOB_GROUP = ?"
			+ " AND TRIGGER_STATE IN (?, ?)";

	private final UnaryOperator<String> rtp;

	/**
	 * Statements of a delegate.
	 * @param rtp the delegate's table-prefix and scheduler-name replacement
	 */
	CompletionStatements(UnaryOperator<String> rtp) {
		this.rtp = rtp;
	}

	/**
	 * Deletes triggers of one kind and their kind's row, as {@code deleteTrigger} does.
	 * @param conn the connection
	 * @param keys the triggers
	 * @param deleteExtension the statement deleting their kind's row (Quartz's
	 * {@code DELETE_SIMPLE_TRIGGER} or {@code DELETE_CRON_TRIGGER})
	 */
	void deleteTriggers(Connection conn, List<TriggerKey> keys, String deleteExtension) throws SQLException {
		perKey(conn, deleteExtension, keys);
		perKey(conn, StdJDBCConstants.DELETE_TRIGGER, keys);
	}

	/**
	 * Lets the serial jobs' other triggers fire again.
	 * @param conn the connection
	 * @param jobs the serial jobs whose runs ended
	 */
	void unblockTriggersOfJobs(Connection conn, Collection<JobKey> jobs) throws SQLException {
		if (jobs.isEmpty()) {
			return;
		}
		try (PreparedStatement statement = conn.prepareStatement(this.rtp.apply(UNBLOCK_JOB_TRIGGERS))) {
			for (JobKey job : jobs) {
				statement.setString(1, Constants.STATE_BLOCKED);
				statement.setString(2, Constants.STATE_WAITING);
				statement.setString(3, Constants.STATE_PAUSED);
				statement.setString(4, job.getName());
				statement.setString(5, job.getGroup());
				statement.setString(6, Constants.STATE_BLOCKED);
				statement.setString(7, Constants.STATE_PAUSED_BLOCKED);
				statement.addBatch();
			}
			statement.executeBatch();
		}
	}

	/**
	 * {@code deleteFiredTrigger} for each run.
	 * @param conn the connection
	 * @param fireInstanceIds the runs' fire instance ids
	 */
	void deleteFiredTriggers(Connection conn, Collection<String> fireInstanceIds) throws SQLException {
		if (fireInstanceIds.isEmpty()) {
			return;
		}
		try (PreparedStatement statement = conn
			.prepareStatement(this.rtp.apply(StdJDBCConstants.DELETE_FIRED_TRIGGER))) {
			for (String id : fireInstanceIds) {
				statement.setString(1, id);
				statement.addBatch();
			}
			statement.executeBatch();
		}
	}

	private void perKey(Connection conn, String sql, List<TriggerKey> keys) throws SQLException {
		KeyedStatements.batch(conn, this.rtp, sql, keys, (statement, key) -> {
			statement.setString(1, key.getName());
			statement.setString(2, key.getGroup());
		});
	}

}
