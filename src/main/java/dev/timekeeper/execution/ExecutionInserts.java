package dev.timekeeper.execution;

import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.stereotype.Component;

/**
 * Inserts finished runs as rows of {@code TK_EXECUTION}, in one JDBC batch, in the
 * caller's transaction. Plain JDBC rather than JPA: on the write path Hibernate's
 * persistence context, insert ordering and entity validation cost the writer thread more
 * than the inserts themselves, and compiling that code took a quarter of the JIT
 * compiler's time during a burst (see BENCHMARKS.md). Reads still go through the entity.
 * <p>
 * Ids come from {@code TK_EXECUTION_SEQ} in blocks: the sequence steps by
 * {@value #ID_BLOCK}, and a value {@code v} it hands out stands for the ids
 * {@code v - 49} to {@code v}, as Hibernate's pooled optimizer (which wrote the rows
 * before) reads it, so ids written by either never meet, on one node or many.
 */
@Component
class ExecutionInserts {

	/** The sequence's {@code INCREMENT BY}, in the V3 migration. */
	static final int ID_BLOCK = 50;

	/** The error column's size. */
	static final int MAX_ERROR = 2000;

	private static final String SEQUENCE = "TK_EXECUTION_SEQ";

	private static final String INSERT = """
			INSERT INTO TK_EXECUTION (ID, JOB_GROUP, JOB_NAME, JOB_TYPE, NODE, FIRE_ID, SCHEDULED_AT, STARTED_AT,
			  FINISHED_AT, DURATION_MS, OUTCOME, ATTEMPT, ERROR, RESULT)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

	private final JdbcTemplate jdbc;

	private final DataFieldMaxValueIncrementer sequence;

	private final ExecutionResults results;

	/** The next id of the current block, and its last; guarded by {@code this}. */
	private long next = 1;

	private long last = 0;

	ExecutionInserts(DataSource dataSource, JdbcTemplate jdbc, ExecutionResults results)
			throws MetaDataAccessException {
		this.jdbc = jdbc;
		this.sequence = sequence(dataSource);
		this.results = results;
		requireBlockSteps(jdbc);
	}

	/**
	 * Inserts the runs, in the caller's transaction.
	 * @param runs the runs
	 */
	void insert(List<FinishedRun> runs) {
		long[] ids = ids(runs.size());
		this.jdbc.batchUpdate(INSERT, new BatchPreparedStatementSetter() {

			@Override
			public void setValues(PreparedStatement statement, int i) throws SQLException {
				bind(statement, ids[i], runs.get(i));
			}

			@Override
			public int getBatchSize() {
				return runs.size();
			}

		});
	}

	private void bind(PreparedStatement statement, long id, FinishedRun run) throws SQLException {
		statement.setLong(1, id);
		statement.setString(2, run.group());
		statement.setString(3, run.name());
		statement.setString(4, run.type());
		statement.setString(5, run.node());
		statement.setString(6, run.fireId());
		statement.setObject(7, utc(run.scheduledAt()));
		statement.setObject(8, utc(run.startedAt()));
		statement.setObject(9, utc(run.finishedAt()));
		statement.setLong(10, Duration.between(run.startedAt(), run.finishedAt()).toMillis());
		statement.setString(11, run.outcome().name());
		statement.setInt(12, run.attempt());
		statement.setString(13, abbreviate(run.error()));
		String result = this.results.write(run.result());
		if (result != null) {
			statement.setString(14, result);
		}
		else {
			statement.setNull(14, Types.VARCHAR);
		}
	}

	/** Ids for so many rows, from the current block and as many new ones as it takes. */
	private synchronized long[] ids(int count) {
		long[] ids = new long[count];
		for (int i = 0; i < count; i++) {
			if (this.next > this.last) {
				this.last = this.sequence.nextLongValue();
				// the sequence starts at 1, a block of its own
				this.next = Math.max(1, this.last - ID_BLOCK + 1);
			}
			ids[i] = this.next++;
		}
		return ids;
	}

	/**
	 * Refuses to start unless the sequence steps by a whole block, as Hibernate refused
	 * when its allocation size and the sequence differed: with a smaller step, two nodes'
	 * blocks would overlap.
	 */
	private static void requireBlockSteps(JdbcTemplate jdbc) {
		List<String> steps = jdbc.queryForList(
				"SELECT CAST(INCREMENT AS VARCHAR(40)) FROM INFORMATION_SCHEMA.SEQUENCES WHERE UPPER(SEQUENCE_NAME) = ?",
				String.class, SEQUENCE);
		if (steps.size() != 1 || Long.parseLong(steps.get(0).trim()) != ID_BLOCK) {
			throw new IllegalStateException(SEQUENCE + " must step by " + ID_BLOCK + " (the V3 migration's); found "
					+ (steps.isEmpty() ? "no such sequence" : "INCREMENT BY " + String.join(", ", steps)));
		}
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/** Fits an error in its column; NUL, which PostgreSQL refuses in text, is dropped. */
	static @Nullable String abbreviate(@Nullable String error) {
		if (error == null) {
			return null;
		}
		String text = error.replace("\u0000", "");
		if (text.length() <= MAX_ERROR) {
			return text;
		}
		// room for the ellipsis, and never half of a surrogate pair
		int end = MAX_ERROR - 1;
		if (Character.isHighSurrogate(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(0, end) + "…";
	}

	private static DataFieldMaxValueIncrementer sequence(DataSource dataSource) throws MetaDataAccessException {
		String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
		return switch (product) {
			case "PostgreSQL" -> new PostgresSequenceMaxValueIncrementer(dataSource, SEQUENCE);
			case "H2" -> new H2SequenceMaxValueIncrementer(dataSource, SEQUENCE);
			default ->
				throw new IllegalStateException("Timekeeper stores executions on H2 or PostgreSQL, not " + product);
		};
	}

}
