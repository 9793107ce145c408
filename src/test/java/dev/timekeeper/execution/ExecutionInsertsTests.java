package dev.timekeeper.execution;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import dev.timekeeper.support.Postgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@link ExecutionInserts} on an H2 file database and on PostgreSQL (skipped, saying why,
 * when it is not reachable): every field of a run is stored as the history reads it, and
 * the ids of two writers (two nodes) and of the blocks Hibernate's pooled optimizer took
 * before never meet.
 */
class ExecutionInsertsTests {

	private static final Instant SCHEDULED = Instant.parse("2026-11-25T10:00:00.123456Z");

	@TempDir
	Path directory;

	@Test
	void storesEveryFieldOnH2() throws Exception {
		storesEveryField(h2());
	}

	@Test
	void idsOfTwoWritersAndOfEarlierPooledBlocksNeverMeetOnH2() throws Exception {
		idsNeverMeet(h2(), "VALUES NEXT VALUE FOR TK_EXECUTION_SEQ");
	}

	@Test
	void storesEveryFieldOnPostgresql() throws Exception {
		onPostgresql("tk_inserts_fields", this::storesEveryField);
	}

	@Test
	void idsOfTwoWritersAndOfEarlierPooledBlocksNeverMeetOnPostgresql() throws Exception {
		onPostgresql("tk_inserts_ids", (dataSource) -> idsNeverMeet(dataSource, "SELECT nextval('TK_EXECUTION_SEQ')"));
	}

	private void storesEveryField(DataSource dataSource) throws Exception {
		ExecutionInserts inserts = inserts(dataSource);
		String error = "bad\u0000 thing " + "x".repeat(3000);
		FinishedRun failed = new FinishedRun("g", "ünïcode.name", "http", "node-1", "fire-1", SCHEDULED,
				SCHEDULED.plusMillis(5), SCHEDULED.plusMillis(1255), Outcome.FAILED, 2, error,
				Map.of("status", 503, "ok", false));
		FinishedRun succeeded = new FinishedRun("g", "plain", "noop", "node-1", null, SCHEDULED, SCHEDULED, SCHEDULED,
				Outcome.SUCCESS, 1, null, null);
		transactions(dataSource).executeWithoutResult((status) -> inserts.insert(List.of(failed, succeeded)));

		JdbcClient jdbc = JdbcClient.create(dataSource);
		Map<String, Object> row = jdbc.sql("SELECT * FROM TK_EXECUTION WHERE JOB_NAME = 'ünïcode.name'")
			.query()
			.singleRow();
		assertThat(row).containsEntry("JOB_GROUP", "g")
			.containsEntry("JOB_TYPE", "http")
			.containsEntry("NODE", "node-1")
			.containsEntry("FIRE_ID", "fire-1")
			.containsEntry("OUTCOME", "FAILED")
			.containsEntry("ATTEMPT", 2)
			.containsEntry("DURATION_MS", 1250L);
		assertThat(instant(jdbc, "SCHEDULED_AT", "ünïcode.name")).isEqualTo(SCHEDULED);
		assertThat(instant(jdbc, "STARTED_AT", "ünïcode.name")).isEqualTo(SCHEDULED.plusMillis(5));
		assertThat(instant(jdbc, "FINISHED_AT", "ünïcode.name")).isEqualTo(SCHEDULED.plusMillis(1255));
		String stored = (String) row.get("ERROR");
		assertThat(stored).hasSize(ExecutionInserts.MAX_ERROR).startsWith("bad thing x").endsWith("…");
		// the sequence's first value is a block of its own, then 2 to 51
		assertThat(jdbc.sql("SELECT ID FROM TK_EXECUTION ORDER BY ID").query(Long.class).list()).containsExactly(1L,
				2L);
		assertThat(new ExecutionResults(JsonMapper.builder().build()).read((String) row.get("RESULT")))
			.containsEntry("status", 503)
			.containsEntry("ok", false);
		Map<String, Object> plain = jdbc.sql("SELECT * FROM TK_EXECUTION WHERE JOB_NAME = 'plain'").query().singleRow();
		assertThat(plain).containsEntry("FIRE_ID", null)
			.containsEntry("ERROR", null)
			.containsEntry("RESULT", null)
			.containsEntry("DURATION_MS", 0L);
	}

	@Test
	void cutsAnOverlongErrorBetweenCharactersNeverInsideOne() {
		String emoji = "\uD83D\uDE00";
		String error = "x".repeat(ExecutionInserts.MAX_ERROR - 2) + emoji + "tail";
		assertThat(ExecutionInserts.abbreviate(error)).isEqualTo("x".repeat(ExecutionInserts.MAX_ERROR - 2) + "…");
		assertThat(ExecutionInserts.abbreviate("y".repeat(ExecutionInserts.MAX_ERROR)))
			.hasSize(ExecutionInserts.MAX_ERROR);
	}

	@Test
	void refusesASequenceThatDoesNotStepByABlock() throws Exception {
		DataSource dataSource = h2();
		JdbcClient.create(dataSource).sql("ALTER SEQUENCE TK_EXECUTION_SEQ INCREMENT BY 1").update();
		assertThatIllegalStateException().isThrownBy(() -> inserts(dataSource))
			.withMessageContaining("TK_EXECUTION_SEQ must step by 50")
			.withMessageContaining("INCREMENT BY 1");
	}

	private void idsNeverMeet(DataSource dataSource, String nextValue) throws Exception {
		JdbcClient jdbc = JdbcClient.create(dataSource);
		// Hibernate's pooled optimizer, as it wrote the first rows: the sequence's first
		// value (1) a block of its own, then the next (51) the high end of ids 2 to 51
		long first = jdbc.sql(nextValue).query(Long.class).single();
		long high = jdbc.sql(nextValue).query(Long.class).single();
		assertThat(first).isEqualTo(1);
		for (long id = first; id <= high; id++) {
			jdbc.sql("INSERT INTO TK_EXECUTION (ID, JOB_GROUP, JOB_NAME, JOB_TYPE, NODE, SCHEDULED_AT, STARTED_AT, "
					+ "FINISHED_AT, DURATION_MS, OUTCOME, ATTEMPT) VALUES (?, 'g', 'hibernate', 'noop', 'n', "
					+ "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0, 'SUCCESS', 1)")
				.param(id)
				.update();
		}
		// two nodes, each with blocks of its own, taking turns
		ExecutionInserts one = inserts(dataSource);
		ExecutionInserts two = inserts(dataSource);
		TransactionTemplate transactions = transactions(dataSource);
		List<String> names = new ArrayList<>();
		for (int round = 0; round < 4; round++) {
			for (ExecutionInserts node : List.of(one, two)) {
				List<FinishedRun> runs = runs("r" + round + "-" + names.size(), 30 + round * 20);
				transactions.executeWithoutResult((status) -> node.insert(runs));
				runs.forEach((run) -> names.add(run.name()));
			}
		}

		List<Long> ids = jdbc.sql("SELECT ID FROM TK_EXECUTION WHERE JOB_NAME <> 'hibernate'").query(Long.class).list();
		assertThat(ids).hasSize(names.size())
			.doesNotHaveDuplicates()
			.allSatisfy((id) -> assertThat(id).isGreaterThan(high));
	}

	private static List<FinishedRun> runs(String prefix, int count) {
		return IntStream.range(0, count)
			.mapToObj((i) -> new FinishedRun("g", prefix + "-" + i, "noop", "n", null, SCHEDULED, SCHEDULED, SCHEDULED,
					Outcome.SUCCESS, 1, null, null))
			.toList();
	}

	private static Instant instant(JdbcClient jdbc, String column, String name) {
		return jdbc.sql("SELECT " + column + " FROM TK_EXECUTION WHERE JOB_NAME = ?")
			.param(name)
			.query((rs, row) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant())
			.single();
	}

	private DataSource h2() {
		String url = "jdbc:h2:file:" + this.directory.resolve("inserts") + ";DB_CLOSE_DELAY=-1";
		return migrated(new SimpleDriverDataSource(new org.h2.Driver(), url, "sa", ""), "h2");
	}

	private void onPostgresql(String name, DatabaseTest test) throws Exception {
		Postgres.assumeReachable();
		String database = name + "_" + ProcessHandle.current().pid();
		try {
			String url = Postgres.freshDatabase(database);
			test.run(migrated(new SimpleDriverDataSource(new org.postgresql.Driver(), url, Postgres.USER, ""),
					"postgresql"));
		}
		finally {
			Postgres.drop(database);
		}
	}

	private static DataSource migrated(DataSource dataSource, String vendor) {
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/" + vendor).load().migrate();
		return dataSource;
	}

	private static ExecutionInserts inserts(DataSource dataSource) throws Exception {
		return new ExecutionInserts(dataSource, new JdbcTemplate(dataSource),
				new ExecutionResults(JsonMapper.builder().build()));
	}

	private static TransactionTemplate transactions(DataSource dataSource) {
		return new TransactionTemplate(new DataSourceTransactionManager(dataSource));
	}

	@FunctionalInterface
	private interface DatabaseTest {

		void run(DataSource dataSource) throws Exception;

	}

}
