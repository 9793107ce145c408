package dev.timekeeper.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import benchmark.BurstRun;
import benchmark.CpuTime;

/**
 * The burst case: N one-shot noop jobs all due at one instant, on each scheduler in turn,
 * each in a JVM of its own on a fresh database of the same kind. The due instant is far
 * enough ahead for the creation to finish first, so creation is not part of the fire rate
 * (its rate is printed). Fires per second run from the due instant to the last start; lag
 * is each start minus the due instant (not minus the fire time a scheduler reports, which
 * a misfire moves).
 */
final class BurstCase {

	static final String QUARTZ = "quartz-stock";

	static final String DB_SCHEDULER = "db-scheduler";

	static final String TIMEKEEPER = "timekeeper";

	private final Harness harness;

	private final String kind;

	private final int jobs;

	private BurstCase(Harness harness, String kind, int jobs) {
		this.harness = harness;
		this.kind = kind;
		this.jobs = jobs;
	}

	/**
	 * Runs the burst on every configured scheduler, then prints the ratios and targets.
	 * @param harness the run
	 * @param kind the database kind
	 * @param jobs how many jobs
	 */
	static void run(Harness harness, String kind, int jobs) {
		new BurstCase(harness, kind, jobs).run();
	}

	private void run() {
		Map<String, Fires> results = new LinkedHashMap<>();
		for (String impl : this.harness.settings().burstImpls()) {
			this.harness.attempt("burst:" + impl + ":" + this.kind + ":" + this.jobs, () -> {
				Fires fires = switch (impl) {
					case TIMEKEEPER -> timekeeper();
					case QUARTZ, DB_SCHEDULER -> child(impl);
					default -> throw new IllegalArgumentException("unknown scheduler " + impl);
				};
				results.put(impl, fires);
				this.harness.add(fires.addTo(line(impl), this.kind.equals(Database.POSTGRESQL)));
			});
		}
		Fires timekeeper = results.get(TIMEKEEPER);
		if (timekeeper == null) {
			return;
		}
		if (results.size() > 1) {
			Line ratio = Line.of("burst-ratio").with("db", this.kind).with("n", this.jobs);
			for (String other : List.of(QUARTZ, DB_SCHEDULER)) {
				if (results.containsKey(other)) {
					ratio.with("timekeeper/" + other, timekeeper.perSecond() / results.get(other).perSecond(), 2);
				}
			}
			this.harness.add(ratio);
		}
		if (results.containsKey(QUARTZ)) {
			this.harness.add(Target.atLeast(target(), "timekeeper/quartz-stock",
					timekeeper.perSecond() / results.get(QUARTZ).perSecond(), 10));
		}
		if (results.containsKey(DB_SCHEDULER) && this.kind.equals(Database.POSTGRESQL)) {
			this.harness.add(Target.atLeast(target(), "timekeeper/db-scheduler",
					timekeeper.perSecond() / results.get(DB_SCHEDULER).perSecond(), 1));
		}
		this.harness.add(Target.atMost(target(), "early", timekeeper.lags().early(), 0));
		this.harness.add(Target.atLeast(target(), "fired/jobs", (double) timekeeper.count() / this.jobs, 1));
	}

	private Line line(String impl) {
		return Line.of("burst").with("impl", impl).with("db", this.kind).with("n", this.jobs);
	}

	private Line target() {
		return Line.of("target").with("case", "burst").with("db", this.kind).with("n", this.jobs);
	}

	/**
	 * Timekeeper: jobs created through its API, in batches; the starts read from its own
	 * execution history once a graceful stop has stored all of it.
	 */
	private Fires timekeeper() throws Exception {
		Database database = Database.fresh(this.harness, this.kind, "burst_tk_" + this.jobs);
		try {
			Requests.Creation creation = this.harness.settings().creation();
			Instant due;
			double perSecond;
			CpuTime cpu;
			try (Timekeeper timekeeper = Timekeeper.start(this.harness,
					"burst-timekeeper-" + this.kind + "-" + this.jobs, database)) {
				double probed = Requests.probe(timekeeper, database, creation);
				warmUp(timekeeper, database, creation, probed);
				due = Instant.now().plus(BurstRun.creationTime(this.jobs, probed)).truncatedTo(ChronoUnit.MILLIS);
				String at = due.toString();
				// creates_per_s is the rate of this batched creation (POST
				// /api/v1/jobs/batch),
				// not of single creates, which the api case measures
				Requests.Result created = Requests.create(timekeeper, database, this.jobs, creation, (i) -> """
						{"group":"burst","name":"job-%d","type":"noop","schedule":{"kind":"once","at":"%s"}}"""
					.formatted(i, at));
				perSecond = created.perSecond();
				database.analyze();
				if (Instant.now().isAfter(due)) {
					throw new IllegalStateException("creating took until after the jobs were due: " + created.took());
				}
				cpu = awaitRuns(timekeeper, due);
				timekeeper.stop();
			}
			return new Fires(due, starts(database), perSecond, cpu);
		}
		finally {
			database.drop();
		}
	}

	/**
	 * A burst of its own before the measured one, as every scheduler gets (see
	 * {@link BurstRun}): its jobs are in another group, and stay.
	 */
	private void warmUp(Timekeeper timekeeper, Database database, Requests.Creation creation, double probed)
			throws Exception {
		int warmup = this.harness.settings().burstWarmup();
		if (warmup == 0) {
			return;
		}
		// due once all are created: the API refuses a time already past
		Instant due = Instant.now().plus(BurstRun.creationTime(warmup, probed)).truncatedTo(ChronoUnit.MILLIS);
		Requests.create(timekeeper, database, warmup, creation, (i) -> """
				{"group":"warmup","name":"job-%d","type":"noop","schedule":{"kind":"once","at":"%s"}}""".formatted(i,
				due));
		awaitRuns(timekeeper, due, "warmup", warmup);
	}

	private CpuTime awaitRuns(Timekeeper timekeeper, Instant due) throws Exception {
		return awaitRuns(timekeeper, due, "burst", this.jobs);
	}

	/**
	 * Until its metrics count every run of the group, or the burst timeout has passed.
	 * @return the CPU time from the due instant until then (which is up to a second after
	 * the last run, idle but for one scrape of the metrics)
	 */
	private CpuTime awaitRuns(Timekeeper timekeeper, Instant due, String group, int count) throws Exception {
		Thread.sleep(Math.max(0, Duration.between(Instant.now(), due).toMillis()));
		long pid = timekeeper.jvm().pid();
		CpuTime start = CpuTime.of(pid);
		Instant deadline = due.plus(this.harness.settings().burstTimeout());
		while (Instant.now().isBefore(deadline)
				&& timekeeper.scrape().sum("timekeeper_executions_total", "group", group) < count) {
			Thread.sleep(1000);
		}
		return CpuTime.of(pid).since(start);
	}

	private static long[] starts(Database database) throws Exception {
		try (Connection connection = database.connect();
				PreparedStatement query = connection
					.prepareStatement("SELECT STARTED_AT FROM TK_EXECUTION WHERE JOB_GROUP = 'burst'");
				ResultSet rows = query.executeQuery()) {
			List<Long> starts = new ArrayList<>();
			while (rows.next()) {
				starts.add(Fires.micros(rows.getObject(1, OffsetDateTime.class).toInstant()));
			}
			return starts.stream().mapToLong(Long::longValue).toArray();
		}
	}

	/**
	 * Stock Quartz or db-scheduler: the child creates the jobs through the scheduler's
	 * Java API, notes each start and writes a report when all have run.
	 */
	private Fires child(String impl) throws Exception {
		Database database = Database.fresh(this.harness, this.kind,
				"burst_" + impl.replace('-', '_') + "_" + this.jobs);
		Path report = this.harness.root().resolve("burst-" + impl + "-" + this.kind + "-" + this.jobs + ".txt");
		Files.deleteIfExists(report);
		List<String> arguments = new ArrayList<>(
				List.of("--bench.jobs=" + this.jobs, "--bench.warmup=" + this.harness.settings().burstWarmup(),
						"--bench.report=" + report, "--bench.timeout=" + this.harness.settings().burstTimeout()));
		String classpath;
		String main;
		if (impl.equals(QUARTZ)) {
			classpath = this.harness.classpaths()
				.benchmarkApplication("org.springframework.boot:spring-boot-starter-quartz",
						"org.springframework.boot:spring-boot-starter-jdbc", "com.h2database:h2",
						"org.postgresql:postgresql");
			main = "benchmark.stock.StockQuartzApplication";
			// Boot's defaults: not Timekeeper's application.yaml, and the JDBC job store
			// with the schema Quartz ships
			arguments.addAll(List.of("--spring.config.name=stock-quartz", "--spring.quartz.job-store-type=jdbc",
					"--spring.quartz.jdbc.initialize-schema=always"));
			if (this.kind.equals(Database.POSTGRESQL)) {
				// the one setting Quartz needs on PostgreSQL, which stores job data as
				// bytea
				arguments.add("--spring.quartz.properties.org.quartz.jobStore.driverDelegateClass="
						+ "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
			}
			arguments.addAll(database.springArguments());
		}
		else {
			classpath = this.harness.classpaths()
				.benchmarkApplication("com.github.kagkarlsson:db-scheduler", "com.zaxxer:HikariCP",
						"ch.qos.logback:logback-classic", "com.h2database:h2", "org.postgresql:postgresql");
			main = "benchmark.dbscheduler.DbSchedulerBurst";
			arguments.addAll(List.of("--url=" + database.url(), "--username=" + database.username(),
					"--password=" + database.password()));
		}
		try (ChildJvm child = ChildJvm.start(this.harness, "burst-" + impl + "-" + this.kind + "-" + this.jobs,
				classpath, main, arguments)) {
			int exit = child.awaitExit(this.harness.settings().burstTimeout().plus(Duration.ofMinutes(20)));
			if (exit != 0 || !Files.exists(report)) {
				throw new IllegalStateException(impl + " exited with " + exit + "; see " + child.log());
			}
		}
		finally {
			database.drop();
		}
		return Fires.read(report);
	}

}
