package dev.timekeeper.jobs;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.quartz.TriggerKey;
import org.quartz.impl.jdbcjobstore.PostgreSQLDelegate;
import org.quartz.impl.jdbcjobstore.StdJDBCDelegate;

/**
 * Quartz's JDBC delegates, with the acquisition query of {@link DueTriggers} (which
 * limits its rows with {@code LIMIT}, as H2 and PostgreSQL do).
 */
final class TimekeeperDelegates {

	private TimekeeperDelegates() {
	}

	/** Quartz's standard delegate, for H2. */
	public static class Standard extends StdJDBCDelegate {

		@Override
		public List<TriggerKey> selectTriggerToAcquire(Connection conn, long noLaterThan, long noEarlierThan,
				int maxCount) throws SQLException {
			return DueTriggers.select(conn, this::rtp, noLaterThan, noEarlierThan, maxCount);
		}

	}

	/** Quartz's PostgreSQL delegate (job data as {@code bytea}). */
	public static class PostgreSql extends PostgreSQLDelegate {

		@Override
		public List<TriggerKey> selectTriggerToAcquire(Connection conn, long noLaterThan, long noEarlierThan,
				int maxCount) throws SQLException {
			return DueTriggers.select(conn, this::rtp, noLaterThan, noEarlierThan, maxCount);
		}

	}

}
