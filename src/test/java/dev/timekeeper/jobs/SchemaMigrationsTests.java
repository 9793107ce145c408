package dev.timekeeper.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.timekeeper.support.Postgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.quartz.impl.jdbcjobstore.JobStoreSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flyway's migrations, on an empty H2 database and on an empty PostgreSQL one (skipped,
 * saying why, when PostgreSQL is not reachable), create every table of Quartz's own
 * PostgreSQL script with every index that script creates (the ones Quartz's FAQ
 * recommends; its H2 script has none), column for column, but for those V5 drops as
 * redundant, and Timekeeper's tables.
 */
class SchemaMigrationsTests {

	private static final Pattern CREATE_INDEX = Pattern
		.compile("(?i)create\\s+index\\s+(\\w+)\\s+on\\s+(?:\\w+\\.)?(\\w+)\\s*(?:using\\s+\\w+\\s*)?\\(([^)]*)\\)");

	private static final Pattern CREATE_TABLE = Pattern.compile("(?i)create\\s+table\\s+(\\w+)");

	private static final Set<String> TIMEKEEPER_TABLES = Set.of("TK_JOB", "TK_EXECUTION");

	/**
	 * Quartz's indexes that V5 drops, each to the index that serves its lookups (empty:
	 * the primary key, which is a prefix of it, or none, for calendars).
	 */
	private static final Map<String, String> DROPPED = Map.of("IDX_QRTZ_T_G", "IDX_QRTZ_T_N_G_STATE",
			"IDX_QRTZ_T_STATE", "IDX_QRTZ_T_NFT_ST", "IDX_QRTZ_T_NFT_MISFIRE", "IDX_QRTZ_T_NFT_ST_MISFIRE",
			"IDX_QRTZ_T_N_STATE", "", "IDX_QRTZ_T_C", "", "IDX_QRTZ_FT_TRIG_INST_NAME",
			"IDX_QRTZ_FT_INST_JOB_REQ_RCVRY");

	@Test
	void h2MigrationsCreateQuartzsTablesWithEveryIndexQuartzRecommends() throws SQLException, IOException {
		String url = "jdbc:h2:mem:schema-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
		migrate(url, "sa", "", "h2");
		try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
			assertThat(tables(connection,
					"SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
							+ " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE'"))
				.containsAll(quartzTables())
				.containsAll(TIMEKEEPER_TABLES);
			// Each index as the CREATE INDEX statement that would make it, read back as
			// the
			// script's are.
			Map<String, String> columns = new TreeMap<>();
			Map<String, String> tables = new TreeMap<>();
			try (Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery("SELECT INDEX_NAME, TABLE_NAME, COLUMN_NAME"
							+ " FROM INFORMATION_SCHEMA.INDEX_COLUMNS WHERE TABLE_SCHEMA = 'PUBLIC'"
							+ " ORDER BY INDEX_NAME, ORDINAL_POSITION")) {
				while (rows.next()) {
					tables.put(rows.getString(1), rows.getString(2));
					columns.merge(rows.getString(1), rows.getString(3), (first, next) -> first + ", " + next);
				}
			}
			String definitions = tables.keySet()
				.stream()
				.map((name) -> "CREATE INDEX " + name + " ON " + tables.get(name) + " (" + columns.get(name) + ");")
				.collect(Collectors.joining("\n"));
			assertCoversQuartzsIndexes(indexes(definitions));
		}
	}

	@Test
	void postgresqlMigrationsCreateQuartzsTablesWithEveryIndexQuartzRecommends() throws SQLException, IOException {
		Postgres.assumeReachable();
		String database = "tk_schema_" + ProcessHandle.current().pid();
		String url = Postgres.freshDatabase(database);
		try {
			migrate(url, Postgres.USER, "", "postgresql");
			try (Connection connection = DriverManager.getConnection(url, Postgres.USER, "")) {
				assertThat(tables(connection, "SELECT UPPER(tablename) FROM pg_tables WHERE schemaname = 'public'"))
					.containsAll(quartzTables())
					.containsAll(TIMEKEEPER_TABLES);
				StringBuilder definitions = new StringBuilder();
				try (Statement statement = connection.createStatement();
						ResultSet rows = statement
							.executeQuery("SELECT indexdef FROM pg_indexes WHERE schemaname = 'public'")) {
					while (rows.next()) {
						definitions.append(rows.getString(1)).append(";\n");
					}
				}
				assertCoversQuartzsIndexes(indexes(definitions.toString()));
			}
		}
		finally {
			Postgres.drop(database);
		}
	}

	private static void migrate(String url, String user, String password, String vendor) {
		Flyway.configure()
			.dataSource(url, user, password)
			.locations("classpath:db/migration/" + vendor)
			.load()
			.migrate();
	}

	/**
	 * Every index of Quartz's script is there under its name, on its columns, in order;
	 * one may go on with further columns (the acquisition index adds the priority that
	 * Quartz's acquisition query orders by, V4). The ones V5 drops are gone, and each but
	 * the calendar index and the one the primary key serves is a prefix of one that
	 * stays.
	 */
	private static void assertCoversQuartzsIndexes(Map<String, String> indexes) throws IOException {
		quartzIndexes().forEach((name, definition) -> {
			String columns = definition.substring(0, definition.length() - 1);
			if (DROPPED.containsKey(name)) {
				assertThat(indexes).as(name).doesNotContainKey(name);
				String servedBy = DROPPED.get(name);
				if (!servedBy.isEmpty()) {
					assertThat(indexes.get(servedBy)).as(name + " served by " + servedBy).startsWith(columns + ",");
				}
				return;
			}
			assertThat(indexes.get(name)).as(name)
				.isNotNull()
				.satisfiesAnyOf((ours) -> assertThat(ours).isEqualTo(definition),
						(ours) -> assertThat(ours).startsWith(columns + ","));
		});
		assertThat(indexes.get("IDX_QRTZ_T_NFT_ST")).as("the acquisition index")
			.matches("QRTZ_TRIGGERS\\(SCHED_NAME,TRIGGER_STATE,NEXT_FIRE_TIME,PRIORITY( DESC)?\\)");
	}

	/** The tables of Quartz's own PostgreSQL script, from the Quartz jar in use. */
	private static Set<String> quartzTables() throws IOException {
		Matcher matcher = CREATE_TABLE.matcher(quartzScript());
		Set<String> tables = new TreeSet<>();
		while (matcher.find()) {
			tables.add(matcher.group(1).toUpperCase(Locale.ROOT));
		}
		assertThat(tables).hasSize(11);
		return tables;
	}

	/** The indexes of Quartz's own PostgreSQL script: name to table(columns). */
	private static Map<String, String> quartzIndexes() throws IOException {
		Map<String, String> indexes = indexes(quartzScript());
		assertThat(indexes).hasSize(20);
		return indexes;
	}

	private static Map<String, String> indexes(String sql) {
		Map<String, String> indexes = new TreeMap<>();
		Matcher matcher = CREATE_INDEX.matcher(sql);
		while (matcher.find()) {
			String columns = Arrays.stream(matcher.group(3).split(","))
				.map(String::strip)
				.collect(Collectors.joining(","));
			indexes.put(matcher.group(1).toUpperCase(Locale.ROOT),
					(matcher.group(2) + "(" + columns + ")").toUpperCase(Locale.ROOT));
		}
		return indexes;
	}

	private static Set<String> tables(Connection connection, String query) throws SQLException {
		Set<String> tables = new TreeSet<>();
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
			while (rows.next()) {
				tables.add(rows.getString(1));
			}
		}
		return tables;
	}

	private static String quartzScript() throws IOException {
		try (InputStream script = JobStoreSupport.class.getResourceAsStream("tables_postgres.sql")) {
			assertThat(script).as("Quartz's tables_postgres.sql").isNotNull();
			return new String(script.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
