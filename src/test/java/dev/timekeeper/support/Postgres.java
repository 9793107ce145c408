package dev.timekeeper.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL on this machine (127.0.0.1:5432, trust auth, user {@code postgres}),
 * which {@code .ci/run} starts when it is down. Each test gets a database of its own.
 */
public final class Postgres {

	public static final String HOST = "jdbc:postgresql://127.0.0.1:5432/";

	public static final String USER = "postgres";

	private Postgres() {
	}

	/**
	 * Skips the calling test, saying why, when PostgreSQL cannot be reached.
	 */
	public static void assumeReachable() {
		String problem = null;
		try (Connection connection = DriverManager.getConnection(HOST + "test", USER, "")) {
			connection.isValid(5);
		}
		catch (SQLException ex) {
			problem = ex.getMessage();
		}
		String why = "PostgreSQL is not reachable at 127.0.0.1:5432 (" + problem
				+ "): this test needs it; .ci/run starts it, or run 'pg_ctlcluster <version> main start'";
		Assumptions.assumeTrue(problem == null, why);
	}

	/**
	 * Creates an empty database, dropping one of that name first.
	 * @param name the database's name
	 * @return its JDBC URL
	 */
	public static String freshDatabase(String name) {
		execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
		execute("CREATE DATABASE " + name);
		return HOST + name;
	}

	public static void drop(String name) {
		execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
	}

	private static void execute(String sql) {
		try (Connection connection = DriverManager.getConnection(HOST + "test", USER, "");
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql + ": " + ex.getMessage(), ex);
		}
	}

}
