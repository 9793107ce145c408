package dev.timekeeper.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The start-up and API cases, for the bare application and for Timekeeper on an empty
 * database: the time from starting the JVM to readiness and the resident memory once it
 * has settled, idle; then requests per second and latency of GET one job and POST create,
 * all connections sending at once, each its next request when the last is answered.
 */
final class ApiCase {

	/** The bare application's starters: what Timekeeper's web side is built on. */
	private static final String[] BARE = { "org.springframework.boot:spring-boot-starter-webmvc",
			"org.springframework.boot:spring-boot-starter-actuator", "io.micrometer:micrometer-registry-prometheus",
			"org.springdoc:springdoc-openapi-starter-webmvc-ui" };

	/** What Timekeeper has and the bare application must not: jar names' beginnings. */
	private static final List<String> NOT_BARE = List.of("quartz-", "hibernate-core-", "flyway-", "spring-security-",
			"jakarta.persistence-", "spring-data-jpa-", "oshi-", "h2-", "postgresql-", "HikariCP-");

	private ApiCase() {
	}

	/**
	 * The bare application: its figures are the reference of the targets.
	 * @param harness the run
	 */
	static void bare(Harness harness) throws Exception {
		String classpath = harness.classpaths().benchmarkApplication(BARE);
		for (String jar : classpath.split(File.pathSeparator)) {
			if (NOT_BARE.stream().anyMatch(jar.substring(jar.lastIndexOf('/') + 1)::startsWith)) {
				throw new IllegalStateException("the bare application's class path holds " + jar);
			}
		}
		int port = ChildJvm.freePort();
		try (ChildJvm jvm = ChildJvm.start(harness, "bare", classpath, "benchmark.bare.BareApplication",
				List.of("--server.port=" + port))) {
			Duration ready = jvm.awaitReady(port, "/actuator/health/readiness", Duration.ofMinutes(2));
			if (harness.settings().runs("startup")) {
				long rss = jvm.settledRssKib(Duration.ofSeconds(5));
				harness.reference().readyMillis = ready.toMillis();
				harness.reference().rssKib = rss;
				harness.add(Line.of("startup")
					.with("impl", "bare")
					.with("ready_ms", ready.toMillis())
					.with("rss_mb", rss / 1024.0, 0)
					.with("jars", classpath.split(File.pathSeparator).length - 1));
			}
			if (harness.settings().runs("api")) {
				LoadTest.Result get = get(harness, () -> new HttpConnection(port, null), jvm);
				harness.reference().getPerSecond = get.perSecond();
				add(harness, get, "bare", null, "get-job");
				LoadTest.Result create = create(harness, () -> new HttpConnection(port, null), () -> {
				});
				add(harness, create, "bare", null, "create");
			}
			jvm.stop(Duration.ofMinutes(1));
		}
	}

	/**
	 * Timekeeper on an empty database of the given kind.
	 * @param harness the run
	 * @param kind the database kind
	 */
	static void timekeeper(Harness harness, String kind) throws Exception {
		TimekeeperLaunch shipped = harness.timekeeper();
		if (harness.settings().runs("startup") && !shipped.cache().equals("none")
				&& kind.equals(harness.settings().databases().get(0))) {
			// the figure without the cache too, so that the comparison with bare is
			// honest (on the first database kind: the cache does the same for each)
			startupWithoutCache(harness, kind);
		}
		Database database = Database.fresh(harness, kind, "api");
		try (Timekeeper timekeeper = Timekeeper.start(harness, "api-timekeeper-" + kind, database, shipped)) {
			if (harness.settings().runs("startup")) {
				startup(harness, timekeeper, kind, 0);
			}
			if (harness.settings().runs("api")) {
				Requests.create(timekeeper, database, 100, harness.settings().creation(),
						(i) -> Requests.storedJob("api", "job-" + i));
				LoadTest.Result get = get(harness, timekeeper::connect, timekeeper.jvm());
				add(harness, get, "timekeeper", kind, "get-job");
				// the one analyze autovacuum would make of the growing tables (see
				// BENCHMARKS.md)
				LoadTest.Result create = create(harness, timekeeper::connect, database::analyze);
				add(harness, create, "timekeeper", kind, "create");
				Line target = Line.of("target").with("case", "api").with("db", kind);
				if (harness.reference().getPerSecond > 0) {
					harness.add(Target.atLeast(target, "get-job/bare-get",
							get.perSecond() / harness.reference().getPerSecond, 0.5));
				}
				harness.add(Target.atMost(Line.of("target").with("case", "api").with("db", kind), "create_p99_ms",
						create.p99(), 50));
			}
			timekeeper.stop();
		}
		finally {
			database.drop();
		}
	}

	private static void startupWithoutCache(Harness harness, String kind) throws Exception {
		Database database = Database.fresh(harness, kind, "startup_nocache");
		try (Timekeeper timekeeper = Timekeeper.start(harness, "startup-nocache-timekeeper-" + kind, database,
				harness.timekeeperWithoutCache())) {
			startup(harness, timekeeper, kind, 0);
			timekeeper.stop();
		}
		finally {
			database.drop();
		}
	}

	/**
	 * Prints an instance's start-up figures and their targets.
	 * @param harness the run
	 * @param timekeeper the instance, just ready
	 * @param kind the database kind
	 * @param jobs the jobs it holds
	 */
	static void startup(Harness harness, Timekeeper timekeeper, String kind, long jobs) throws Exception {
		long rss = timekeeper.jvm().settledRssKib(Duration.ofSeconds(5));
		harness.add(Line.of("startup")
			.with("impl", "timekeeper")
			.with("db", kind)
			.with("jobs", jobs)
			.with("cache", timekeeper.cache())
			.with("ready_ms", timekeeper.ready().toMillis())
			.with("rss_mb", rss / 1024.0, 0));
		Harness.Reference bare = harness.reference();
		if (bare.readyMillis > 0) {
			harness.add(Target.atMost(target(kind, jobs, timekeeper), "ready/bare",
					(double) timekeeper.ready().toMillis() / bare.readyMillis, 1.5));
			harness.add(Target.atMost(target(kind, jobs, timekeeper), "rss/bare", (double) rss / bare.rssKib, 1.5));
		}
	}

	private static Line target(String kind, long jobs, Timekeeper timekeeper) {
		return Line.of("target")
			.with("case", "startup")
			.with("db", kind)
			.with("jobs", jobs)
			.with("cache", timekeeper.cache());
	}

	/**
	 * Adds an API line, and the rate of each slice of its warm-up to
	 * {@code logs/api-warmups.txt}.
	 */
	private static void add(Harness harness, LoadTest.Result result, String impl, String kind, String target)
			throws IOException {
		Line line = api(harness, impl, kind, target);
		harness.add(result.addTo(line));
		Files.writeString(harness.logs().resolve("api-warmups.txt"),
				line + " slices_per_s="
						+ result.warmup()
							.rates()
							.stream()
							.map((rate) -> String.valueOf(Math.round(rate)))
							.collect(Collectors.joining(","))
						+ " compiler_cores="
						+ result.warmup()
							.compiler()
							.stream()
							.map((cores) -> String.format(Locale.ROOT, "%.2f", cores))
							.collect(Collectors.joining(","))
						+ "\n",
				StandardOpenOption.CREATE, StandardOpenOption.APPEND);
	}

	private static Line api(Harness harness, String impl, String kind, String target) {
		Line line = Line.of("api").with("impl", impl);
		if (kind != null) {
			line.with("db", kind);
		}
		return line.with("target", target).with("concurrency", harness.settings().apiConcurrency());
	}

	private static LoadTest.Result get(Harness harness, Supplier<HttpConnection> connections, ChildJvm jvm)
			throws Exception {
		Settings settings = harness.settings();
		return LoadTest.run(connections, settings.apiConcurrency(), settings.apiWarmups().watching(jvm::compilerTicks),
				settings.apiDuration(), (worker) -> {
					AtomicLong sequence = new AtomicLong(worker);
					return () -> new Requests.Request("GET",
							"/api/v1/jobs/api/job-" + (sequence.getAndIncrement() % 100), null, 200);
				});
	}

	private static LoadTest.Result create(Harness harness, Supplier<HttpConnection> connections,
			LoadTest.Step beforeMeasuring) throws Exception {
		Settings settings = harness.settings();
		// a fixed warm-up, the shortest: the create rate falls as the table grows (on
		// PostgreSQL, on plans made for an empty table until the analyze just before the
		// measurement), so it never settles, and the target is its p99, not a ratio
		return LoadTest.run(connections, settings.apiConcurrency(), LoadTest.Warmup.fixed(settings.apiWarmup()),
				settings.apiDuration(), (worker) -> {
					AtomicLong sequence = new AtomicLong();
					return () -> new Requests.Request("POST", "/api/v1/jobs",
							Requests.storedJob("api-create", "w" + worker + "-" + sequence.getAndIncrement()), 201);
				}, beforeMeasuring);
	}

}
