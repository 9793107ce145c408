package dev.timekeeper.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;

import dev.timekeeper.support.Postgres;

/**
 * A fresh database for one case: an H2 file under {@code target/bench/data} or a database
 * of its own on the local PostgreSQL.
 *
 * @param kind {@code h2} or {@code postgresql}
 * @param name the database's name
 * @param url its JDBC URL
 * @param username the user
 * @param password the password
 */
record Database(String kind, String name, String url, String username, String password) {

	static final String H2 = "h2";

	static final String POSTGRESQL = "postgresql";

	/**
	 * This run's prefix of PostgreSQL database names: runs from two clones at once share
	 * the one PostgreSQL, and a fresh database drops any of its name first.
	 */
	private static final String PREFIX = "bench_" + ProcessHandle.current().pid() + "_";

	/**
	 * Creates an empty database, removing one of that name first.
	 * @param harness the run
	 * @param kind {@code h2} or {@code postgresql}
	 * @param name a name unique in the run, letters, digits and underscores
	 * @return the database
	 */
	static Database fresh(Harness harness, String kind, String name) throws IOException {
		if (kind.equals(POSTGRESQL)) {
			return new Database(kind, name, Postgres.freshDatabase(PREFIX + name), Postgres.USER, "");
		}
		if (!kind.equals(H2)) {
			throw new IllegalArgumentException("unknown database kind " + kind);
		}
		Path file = harness.data().resolve(name);
		try (Stream<Path> files = Files.list(harness.data())) {
			for (Path old : files.filter((f) -> f.getFileName().toString().startsWith(name + ".")).toList()) {
				Files.delete(old);
			}
		}
		// the options of Timekeeper's default URL, for every scheduler alike
		return new Database(kind, name,
				"jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=64", "sa", "");
	}

	/**
	 * Why PostgreSQL cannot be used, or null when it can.
	 * @return the reason, or null
	 */
	static String postgresqlProblem() {
		try (Connection connection = DriverManager.getConnection(Postgres.HOST + "test", Postgres.USER, "")) {
			return connection.isValid(5) ? null : "not valid";
		}
		catch (SQLException ex) {
			return ex.getMessage();
		}
	}

	/**
	 * The Spring Boot properties that point an application at it.
	 * @return command-line arguments
	 */
	List<String> springArguments() {
		return List.of("--spring.datasource.url=" + this.url, "--spring.datasource.username=" + this.username,
				"--spring.datasource.password=" + this.password);
	}

	/**
	 * A connection for reading results; an H2 file only once its application has stopped,
	 * since an embedded H2 file has one process at a time.
	 * @return a new connection
	 */
	Connection connect() throws SQLException {
		return DriverManager.getConnection(this.url, this.username, this.password);
	}

	/**
	 * On PostgreSQL, gives the planner the tables' statistics once a case's jobs are
	 * created (see {@link benchmark.BurstRun#analyze}); an H2 file cannot be reached
	 * while its application runs, and H2 analyzes a table by itself as it changes.
	 */
	void analyze() throws SQLException {
		if (this.kind.equals(POSTGRESQL)) {
			try (Connection connection = connect()) {
				benchmark.BurstRun.analyze(connection);
			}
		}
	}

	/** Removes a PostgreSQL database once its case is done; H2 files stay for a look. */
	void drop() {
		if (this.kind.equals(POSTGRESQL)) {
			Postgres.drop(PREFIX + this.name);
		}
	}

}
