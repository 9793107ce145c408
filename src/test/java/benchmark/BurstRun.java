package benchmark;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The child-process half of the burst case for the schedulers other than Timekeeper,
 * which are driven through their Java API: N one-shot jobs due at one instant, far enough
 * ahead for all of them to be created first; each run notes when it started; a report
 * file gets the due instant, the creation time, the CPU time from the due instant until
 * every run had started (of this process, and of PostgreSQL's; read every 100 ms) and
 * every start (epoch microseconds), for the harness to measure.
 */
public final class BurstRun {

	private static final Instant FAR = Instant.parse("2100-01-01T00:00:00Z");

	private static final int PROBES = 100;

	/**
	 * Jobs created before the database is first analyzed, as the harness does for
	 * Timekeeper's: without statistics PostgreSQL plans the inserts' foreign-key checks
	 * as scans, and creating grows slower with every job (stock Quartz's 20,000 took
	 * longer than the probe's rate allowed for).
	 */
	private static final int ANALYZED_AFTER = 1000;

	private static final AtomicInteger fired = new AtomicInteger();

	private static volatile long[] starts = new long[0];

	private BurstRun() {
	}

	/** Notes that a run starts now: the first thing the benchmark's job does. */
	public static void started() {
		long micros = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
		int index = fired.getAndIncrement();
		long[] noted = starts;
		if (index < noted.length) {
			noted[index] = micros;
		}
	}

	/**
	 * Creates the burst, waits for it and writes the report.
	 * @param options what the harness asked for
	 * @param jobs the scheduler under test
	 * @throws Exception when the scheduler fails
	 */
	public static void run(Options options, Jobs jobs) throws Exception {
		double perSecond = probe(jobs);
		warmUp(options, jobs);
		Instant due = Instant.now().plus(creationTime(options.jobs(), perSecond)).truncatedTo(ChronoUnit.MILLIS);
		starts = new long[options.jobs()];
		long begin = System.nanoTime();
		for (int i = 0; i < options.jobs(); i++) {
			jobs.create("job-" + i, due);
			if (i + 1 == ANALYZED_AFTER) {
				jobs.created();
			}
		}
		long createMillis = (System.nanoTime() - begin) / 1_000_000;
		jobs.created();
		if (Instant.now().isAfter(due)) {
			throw new IllegalStateException("creating took until after the jobs were due");
		}
		sleepUntil(due);
		long pid = ProcessHandle.current().pid();
		CpuTime start = CpuTime.of(pid);
		jobs.due();
		Instant deadline = due.plus(options.timeout());
		while (fired.get() < options.jobs() && Instant.now().isBefore(deadline)) {
			Thread.sleep(100);
		}
		write(options.report(), due, createMillis, options.jobs(), CpuTime.of(pid).since(start));
	}

	/**
	 * A burst of its own before the measured one, as every scheduler in the harness gets:
	 * the measured burst then runs on code the JIT has compiled, as it would in a
	 * scheduler that has run for a while. Its jobs stay; their starts are not counted.
	 */
	private static void warmUp(Options options, Jobs jobs) throws Exception {
		if (options.warmup() == 0) {
			return;
		}
		// due at once: those created after it fire as they come, which is all a warm-up
		// needs
		Instant due = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.MILLIS);
		for (int i = 0; i < options.warmup(); i++) {
			jobs.create("warmup-" + i, due);
		}
		jobs.created();
		sleepUntil(due);
		jobs.due();
		Instant deadline = due.plus(options.timeout());
		while (fired.get() < options.warmup() && Instant.now().isBefore(deadline)) {
			Thread.sleep(100);
		}
		fired.set(0);
	}

	/**
	 * Enough time to create the jobs at the probed rate, half as much again, and 5 s.
	 * @param jobs how many
	 * @param perSecond the rate a probe measured
	 * @return the time to leave before they are due
	 */
	public static Duration creationTime(int jobs, double perSecond) {
		return Duration.ofMillis((long) (jobs / perSecond * 1500) + 5000);
	}

	/**
	 * Sleeps until the instant has passed: never wakes early by a rounding, which would
	 * make a scheduler told to look find nothing due yet.
	 */
	private static void sleepUntil(Instant instant) throws InterruptedException {
		Thread.sleep(Math.max(0, Duration.between(Instant.now(), instant).toMillis()));
		while (Instant.now().isBefore(instant)) {
			Thread.sleep(1);
		}
	}

	/**
	 * Gives PostgreSQL's planner the statistics of the tables as they now are, as
	 * autovacuum would have in a database that had run for a while: a freshly created
	 * table has none until autovacuum's next round (a minute or more), and without them
	 * the planner may answer a primary-key lookup of a trigger by scanning an index of
	 * every trigger. The harness does this for every scheduler alike, once its jobs are
	 * created.
	 * @param connection a connection to the database
	 * @throws SQLException when the database refuses
	 */
	public static void analyze(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("ANALYZE");
		}
	}

	/**
	 * How many jobs a second this scheduler creates: 200 timed after 100 to warm up (a
	 * cold JVM is several times slower, and the due instant leaves time by this rate),
	 * all deleted again.
	 */
	private static double probe(Jobs jobs) throws Exception {
		for (int i = 0; i < PROBES; i++) {
			jobs.create("warm-" + i, FAR);
		}
		long begin = System.nanoTime();
		for (int i = 0; i < 2 * PROBES; i++) {
			jobs.create("probe-" + i, FAR);
		}
		double perSecond = 2 * PROBES / ((System.nanoTime() - begin) / 1e9);
		for (int i = 0; i < PROBES; i++) {
			jobs.delete("warm-" + i);
		}
		for (int i = 0; i < 2 * PROBES; i++) {
			jobs.delete("probe-" + i);
		}
		return perSecond;
	}

	private static void write(Path report, Instant due, long createMillis, int created, CpuTime cpu)
			throws IOException {
		long[] noted = starts;
		int count = Math.min(fired.get(), noted.length);
		List<String> lines = new ArrayList<>(count + 1);
		lines.add("due_us=%d create_ms=%d created=%d cpu_ns=%d db_cpu_ns=%d".formatted(
				ChronoUnit.MICROS.between(Instant.EPOCH, due), createMillis, created, cpu.processNanos(),
				cpu.databaseNanos()));
		for (int i = 0; i < count; i++) {
			lines.add(Long.toString(noted[i]));
		}
		Files.write(report, lines);
	}

	/** The scheduler under test, as the burst uses it. */
	public interface Jobs {

		/**
		 * Schedules a one-shot job.
		 * @param name its name, unique in the burst
		 * @param due when it is to run
		 * @throws Exception when the scheduler refuses
		 */
		void create(String name, Instant due) throws Exception;

		/**
		 * Removes a job that has not run.
		 * @param name its name
		 * @throws Exception when the scheduler refuses
		 */
		void delete(String name) throws Exception;

		/** Called at the due instant, for a scheduler that must be told to look. */
		default void due() {
		}

		/**
		 * Called once the first thousand jobs of the burst are created, and again once
		 * all are, before they are due: a scheduler on PostgreSQL has its database
		 * analyzed (see {@link BurstRun#analyze}).
		 * @throws Exception when the database refuses
		 */
		default void created() throws Exception {
		}

	}

	/**
	 * What the harness asks of a burst child, from its {@code --bench.*} arguments.
	 *
	 * @param jobs how many jobs
	 * @param warmup how many jobs fire in a burst before the measured one
	 * @param report the file to write the report to
	 * @param timeout how long after the due instant to wait for the runs
	 * @param rest the other arguments, for the application
	 */
	public record Options(int jobs, int warmup, Path report, Duration timeout, List<String> rest) {

		/**
		 * Reads {@code --bench.jobs=}, {@code --bench.warmup=}, {@code --bench.report=}
		 * and {@code --bench.timeout=} (ISO-8601) and keeps the rest.
		 * @param arguments the command line
		 * @return the options
		 */
		public static Options parse(String... arguments) {
			int jobs = 0;
			int warmup = 0;
			Path report = null;
			Duration timeout = Duration.ofMinutes(10);
			List<String> rest = new ArrayList<>();
			for (String argument : arguments) {
				if (argument.startsWith("--bench.jobs=")) {
					jobs = Integer.parseInt(value(argument));
				}
				else if (argument.startsWith("--bench.warmup=")) {
					warmup = Integer.parseInt(value(argument));
				}
				else if (argument.startsWith("--bench.report=")) {
					report = Path.of(value(argument));
				}
				else if (argument.startsWith("--bench.timeout=")) {
					timeout = Duration.parse(value(argument));
				}
				else {
					rest.add(argument);
				}
			}
			if (jobs <= 0 || report == null) {
				throw new IllegalArgumentException("--bench.jobs and --bench.report are required");
			}
			return new Options(jobs, warmup, report, timeout, rest);
		}

		/**
		 * The value of a {@code --name=value} argument this child also understands.
		 * @param name the argument's name, without dashes
		 * @return its value, or null when absent
		 */
		public String get(String name) {
			return this.rest.stream()
				.filter((argument) -> argument.startsWith("--" + name + "="))
				.map(Options::value)
				.findFirst()
				.orElse(null);
		}

		private static String value(String argument) {
			return argument.substring(argument.indexOf('=') + 1);
		}

	}

}
