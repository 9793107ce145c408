package dev.timekeeper.execution;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * A job's last run read in the same statement as the job: the SQL that joins a row naming
 * a job to that job's most recent execution, and the reading of its columns. One job read
 * is then one round trip to the database instead of two (GET one job on PostgreSQL about
 * 5% faster, its jobs without history). Both databases look the joined run up by its
 * primary key, the id found through the index on the job and start time (checked with
 * 300,000 runs of 1,000 jobs).
 */
public final class LastExecutionJoin {

	/** The joined execution's columns, for the select list. */
	public static final String COLUMNS = """
			le.ID AS le_id, le.OUTCOME AS le_outcome, le.SCHEDULED_AT AS le_scheduled_at,
			  le.STARTED_AT AS le_started_at, le.FINISHED_AT AS le_finished_at, le.ATTEMPT AS le_attempt,
			  le.ERROR AS le_error""";

	private LastExecutionJoin() {
	}

	/**
	 * The join, by the index on the job and start time.
	 * @param group the column holding the job's group
	 * @param name the column holding the job's name
	 * @return a {@code LEFT JOIN} for the {@code FROM} clause
	 */
	public static String join(String group, String name) {
		return """
				LEFT JOIN TK_EXECUTION le ON le.ID = (SELECT lx.ID FROM TK_EXECUTION lx
				  WHERE lx.JOB_GROUP = %s AND lx.JOB_NAME = %s ORDER BY lx.STARTED_AT DESC, lx.ID DESC LIMIT 1)"""
			.formatted(group, name);
	}

	/**
	 * The joined execution of the current row.
	 * @param rs the result set, on the row
	 * @return the last execution, if the job has one
	 * @throws SQLException if a column cannot be read
	 */
	public static Optional<LastExecution> read(ResultSet rs) throws SQLException {
		long id = rs.getLong("le_id");
		if (rs.wasNull()) {
			return Optional.empty();
		}
		return Optional.of(new LastExecution(id, Outcome.valueOf(rs.getString("le_outcome")),
				ExecutionLog.instant(rs, "le_scheduled_at"), ExecutionLog.instant(rs, "le_started_at"),
				ExecutionLog.instant(rs, "le_finished_at"), rs.getInt("le_attempt"), rs.getString("le_error")));
	}

}
