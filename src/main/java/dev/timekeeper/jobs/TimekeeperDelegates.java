package dev.timekeeper.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.quartz.TriggerKey;
import org.quartz.impl.jdbcjobstore.PostgreSQLDelegate;
import org.quartz.impl.jdbcjobstore.StdJDBCConstants;
import org.quartz.impl.jdbcjobstore.StdJDBCDelegate;

/**
 * Quartz's JDBC delegates, with the acquisition query of {@link DueTriggers} (which
 * limits its rows with {@code LIMIT}, as H2 and PostgreSQL do) and the batch statements
 * of {@link FiringStatements} and {@link CompletionStatements}.
 */
final class TimekeeperDelegates {

	private TimekeeperDelegates() {
	}

	/** A delegate that can acquire and fire triggers in batches. */
	interface Batching {

		/**
		 * Its batch statements.
		 * @return the statements
		 */
		FiringStatements firing();

		/**
		 * Its batch statements for finished runs.
		 * @return the statements
		 */
		CompletionStatements completion();

		/**
		 * The triggers {@code selectTriggerToAcquire} selects, with when each is due.
		 * @param conn the connection
		 * @param noLaterThan the latest fire time
		 * @param noEarlierThan the earliest fire time of a trigger that honours misfires
		 * @param maxCount how many at most
		 * @return the triggers, earliest first
		 */
		List<DueTriggers.Due> selectDueTriggers(Connection conn, long noLaterThan, long noEarlierThan, int maxCount)
				throws SQLException;

	}

	/** Quartz's standard delegate, for H2. */
	public static class Standard extends StdJDBCDelegate implements Batching {

		private final FiringStatements firing = new FiringStatements(this::rtp, KeyedStatements.KeyJoin.PLAIN,
				() -> this.instanceId,
				(row) -> jobData(row, canUseProperties(),
						(r) -> getJobDataFromBlob(r, StdJDBCConstants.COL_JOB_DATAMAP), this::convertFromProperty),
				this::findTriggerPersistenceDelegate);

		@Override
		public List<TriggerKey> selectTriggerToAcquire(Connection conn, long noLaterThan, long noEarlierThan,
				int maxCount) throws SQLException {
			return DueTriggers.select(conn, this::rtp, noLaterThan, noEarlierThan, maxCount);
		}

		@Override
		public List<DueTriggers.Due> selectDueTriggers(Connection conn, long noLaterThan, long noEarlierThan,
				int maxCount) throws SQLException {
			return DueTriggers.due(conn, this::rtp, noLaterThan, noEarlierThan, maxCount);
		}

		private final CompletionStatements completion = new CompletionStatements(this::rtp);

		@Override
		public FiringStatements firing() {
			return this.firing;
		}

		@Override
		public CompletionStatements completion() {
			return this.completion;
		}

	}

	/** Quartz's PostgreSQL delegate (job data as {@code bytea}). */
	public static class PostgreSql extends PostgreSQLDelegate implements Batching {

		private final FiringStatements firing = new FiringStatements(this::rtp, KeyedStatements.KeyJoin.LATERAL,
				() -> this.instanceId,
				(row) -> jobData(row, canUseProperties(),
						(r) -> getJobDataFromBlob(r, StdJDBCConstants.COL_JOB_DATAMAP), this::convertFromProperty),
				this::findTriggerPersistenceDelegate);

		@Override
		public List<TriggerKey> selectTriggerToAcquire(Connection conn, long noLaterThan, long noEarlierThan,
				int maxCount) throws SQLException {
			return DueTriggers.select(conn, this::rtp, noLaterThan, noEarlierThan, maxCount);
		}

		@Override
		public List<DueTriggers.Due> selectDueTriggers(Connection conn, long noLaterThan, long noEarlierThan,
				int maxCount) throws SQLException {
			return DueTriggers.due(conn, this::rtp, noLaterThan, noEarlierThan, maxCount);
		}

		private final CompletionStatements completion = new CompletionStatements(this::rtp);

		@Override
		public FiringStatements firing() {
			return this.firing;
		}

		@Override
		public CompletionStatements completion() {
			return this.completion;
		}

	}

	/**
	 * A job's data map from its row, as the delegates' private {@code handleJobDetails}
	 * reads it: a properties stream when {@code useProperties} is on, a serialized map
	 * otherwise.
	 */
	private static @Nullable Map<?, ?> jobData(ResultSet row, boolean properties, BlobReader blob,
			Function<Properties, Map<?, ?>> convert) throws SQLException, ClassNotFoundException, IOException {
		Object data = blob.read(row);
		if (!properties) {
			return (Map<?, ?>) data;
		}
		if (data == null) {
			return null;
		}
		try (InputStream in = (InputStream) data) {
			Properties values = new Properties();
			values.load(in);
			return convert.apply(values);
		}
	}

	@FunctionalInterface
	private interface BlobReader {

		@Nullable Object read(ResultSet row) throws SQLException, ClassNotFoundException, IOException;

	}

}
