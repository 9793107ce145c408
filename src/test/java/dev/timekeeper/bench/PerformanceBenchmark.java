package dev.timekeeper.bench;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import com.sun.management.OperatingSystemMXBean;
import dev.timekeeper.support.Postgres;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Timekeeper's benchmark harness, a benchmark and not a test: {@code ./mvnw -B -Pbench
 * test} runs it alone (see {@code BENCHMARKS.md}). Every system under test runs in a JVM
 * of its own with the same JVM options, every case on a fresh database, on H2 and on the
 * local PostgreSQL. Each case prints one {@code key=value} summary line, also written to
 * {@code target/bench/summary.txt}, and {@code target} lines that check issue 8's
 * targets. It fails only when a case could not be measured.
 */
class PerformanceBenchmark {

	@Test
	void run() throws Exception {
		long begin = System.nanoTime();
		Settings settings = Settings.fromSystemProperties();
		Harness harness = Harness.create(settings);
		harness.add(machine());
		if (settings.runs("startup") || settings.runs("api")) {
			harness.attempt("bare", () -> ApiCase.bare(harness));
		}
		for (String kind : settings.databases()) {
			String problem = kind.equals(Database.POSTGRESQL) ? Database.postgresqlProblem() : null;
			if (problem != null) {
				harness.add(Line.of("skip")
					.with("db", kind)
					.with("reason", "PostgreSQL not reachable at 127.0.0.1:5432: " + problem));
				continue;
			}
			if (settings.runs("startup") || settings.runs("api")) {
				harness.attempt("api:" + kind, () -> ApiCase.timekeeper(harness, kind));
			}
			if (settings.runs("burst")) {
				for (int jobs : settings.burstSizes()) {
					BurstCase.run(harness, kind, jobs);
				}
			}
			if (settings.runs("steady") || settings.runs("startup")) {
				harness.attempt("steady:" + kind, () -> SteadyCase.run(harness, kind));
			}
		}
		harness.add(Line.of("run")
			.with("took_s", Duration.ofNanos(System.nanoTime() - begin).toSeconds())
			.with("errors", harness.summary().errors().size())
			.with("summary", harness.summary().file()));
		assertThat(harness.summary().errors()).as("cases that could not be measured").isEmpty();
	}

	/** What the figures were measured on. */
	private static Line machine() {
		OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		return Line.of("machine")
			.with("cores", Runtime.getRuntime().availableProcessors())
			.with("ram_gib", os.getTotalMemorySize() / (1024.0 * 1024 * 1024), 1)
			.with("jdk", Runtime.version())
			.with("os", System.getProperty("os.name") + "-" + System.getProperty("os.version"))
			.with("postgresql", postgresqlVersion());
	}

	private static String postgresqlVersion() {
		try (Connection connection = DriverManager.getConnection(Postgres.HOST + "test", Postgres.USER, "");
				Statement statement = connection.createStatement();
				ResultSet version = statement.executeQuery("SHOW server_version")) {
			return version.next() ? version.getString(1).split(" ")[0] : "unknown";
		}
		catch (Exception ex) {
			return "unreachable";
		}
	}

}
