package dev.timekeeper.execution;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.timekeeper.support.Postgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The join gives each job its own most recent run (the later start, and of two runs
 * started at the same instant the later id), and none to a job without runs, on an H2
 * file database and on PostgreSQL (skipped, saying why, when it is not reachable).
 */
class LastExecutionJoinTests {

	private static final Instant T = Instant.parse("2026-11-26T10:00:00Z");

	@Test
	void joinsEachJobToItsLatestRunOnH2(@TempDir Path directory) {
		check("jdbc:h2:file:" + directory.resolve("last"), "sa", "h2");
	}

	@Test
	void joinsEachJobToItsLatestRunOnPostgresql() {
		Postgres.assumeReachable();
		String database = "tk_last_run_" + ProcessHandle.current().pid();
		String url = Postgres.freshDatabase(database);
		try {
			check(url, Postgres.USER, "postgresql");
		}
		finally {
			Postgres.drop(database);
		}
	}

	private static void check(String url, String user, String vendor) {
		Flyway.configure().dataSource(url, user, "").locations("classpath:db/migration/" + vendor).load().migrate();
		SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, user, "", true);
		try {
			JdbcClient jdbc = JdbcClient.create(dataSource);
			for (String name : new String[] { "ran", "tied", "tied-again", "never" }) {
				jdbc.sql("""
						INSERT INTO TK_JOB (JOB_GROUP, JOB_NAME, JOB_TYPE, DEFINITION, CREATED_AT, UPDATED_AT, VERSION)
						VALUES ('g', :name, 'noop', '{}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)""")
					.param("name", name)
					.update();
			}
			insert(jdbc, 1, "g", "ran", T, "SUCCESS", 1);
			insert(jdbc, 2, "g", "ran", T.plusSeconds(20), "FAILED", 2);
			insert(jdbc, 3, "g", "ran", T.plusSeconds(10), "SUCCESS", 1);
			// a later run of the same name in another group, and of another name
			insert(jdbc, 4, "other", "ran", T.plusSeconds(30), "SUCCESS", 1);
			insert(jdbc, 5, "g", "ran-not", T.plusSeconds(30), "SUCCESS", 1);
			// two runs started at the same instant: the later id, whichever was written
			// first
			insert(jdbc, 7, "g", "tied", T, "SUCCESS", 1);
			insert(jdbc, 6, "g", "tied", T, "TIMED_OUT", 1);
			insert(jdbc, 8, "g", "tied-again", T, "TIMED_OUT", 1);
			insert(jdbc, 9, "g", "tied-again", T, "SUCCESS", 1);

			List<String> rows = new ArrayList<>();
			Map<String, Optional<LastExecution>> last = new LinkedHashMap<>();
			jdbc.sql("SELECT j.JOB_NAME AS job_name, " + LastExecutionJoin.COLUMNS + " FROM TK_JOB j "
					+ LastExecutionJoin.join("j.JOB_GROUP", "j.JOB_NAME") + " ORDER BY j.JOB_NAME")
				.query((rs) -> {
					rows.add(rs.getString("job_name"));
					last.put(rs.getString("job_name"), LastExecutionJoin.read(rs));
				});

			assertThat(rows).as("one row a job").containsExactly("never", "ran", "tied", "tied-again");
			assertThat(last.get("never")).isEmpty();
			assertThat(last.get("ran")).hasValueSatisfying((run) -> {
				assertThat(run.id()).isEqualTo(2);
				assertThat(run.outcome()).isEqualTo(Outcome.FAILED);
				assertThat(run.startedAt()).isEqualTo(T.plusSeconds(20));
				assertThat(run.scheduledAt()).isEqualTo(T.plusSeconds(19));
				assertThat(run.finishedAt()).isEqualTo(T.plusSeconds(21));
				assertThat(run.attempt()).isEqualTo(2);
				assertThat(run.error()).isEqualTo("error of 2");
			});
			assertThat(last.get("tied")).hasValueSatisfying((run) -> assertThat(run.id()).isEqualTo(7));
			assertThat(last.get("tied-again")).hasValueSatisfying((run) -> assertThat(run.id()).isEqualTo(9));
		}
		finally {
			dataSource.destroy();
		}
	}

	private static void insert(JdbcClient jdbc, long id, String group, String name, Instant started, String outcome,
			int attempt) {
		jdbc.sql("""
				INSERT INTO TK_EXECUTION (ID, JOB_GROUP, JOB_NAME, JOB_TYPE, NODE, SCHEDULED_AT, STARTED_AT,
				  FINISHED_AT, DURATION_MS, OUTCOME, ATTEMPT, ERROR)
				VALUES (:id, :group, :name, 'noop', 'node', :scheduled, :started, :finished, 1000, :outcome, :attempt,
				  :error)""")
			.param("id", id)
			.param("group", group)
			.param("name", name)
			.param("scheduled", started.minusSeconds(1).atOffset(java.time.ZoneOffset.UTC))
			.param("started", started.atOffset(java.time.ZoneOffset.UTC))
			.param("finished", started.plusSeconds(1).atOffset(java.time.ZoneOffset.UTC))
			.param("outcome", outcome)
			.param("attempt", attempt)
			.param("error", "error of " + id)
			.update();
	}

}
