package dev.timekeeper.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import dev.timekeeper.TimekeeperApplication;
import benchmark.stock.StockQuartzApplication;
import benchmark.stock.StockQuartzApplication.Fire;
import dev.timekeeper.support.Api;
import org.junit.jupiter.api.Test;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

import static org.awaitility.Awaitility.await;

/**
 * A benchmark, not a test: N one-shot jobs all due at the same instant, on Timekeeper and
 * on stock Spring Boot + Quartz (JDBC job store, Boot's defaults) on the same kind of
 * database in the same run, so the result is a ratio. Prints one parseable line per case.
 * Run: {@code ./mvnw -B test -Dtest=BurstBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -Dbench.burst=5000}.
 * <p>
 * Timekeeper's jobs are created through its API and its figures read from its own
 * execution history; the stock jobs are scheduled through Quartz's API and note their
 * start in memory.
 */
class BurstBenchmark {

	private static final int N = Integer.getInteger("bench.burst", 5000);

	private static final Path ROOT = Path.of("target", "bench", "burst").toAbsolutePath();

	@Test
	void burst() throws Exception {
		FileSystemUtils.deleteRecursively(ROOT);
		Files.createDirectories(ROOT);
		Result stock = stockQuartz();
		Result timekeeper = timekeeper();
		System.out.println(stock.line("quartz-stock"));
		System.out.println(timekeeper.line("timekeeper"));
		System.out.printf("burst-ratio db=h2 n=%d timekeeper/quartz=%.2f%n", N,
				timekeeper.firesPerSecond() / stock.firesPerSecond());
	}

	private static Result stockQuartz() throws Exception {
		StockQuartzApplication.FIRES.clear();
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(StockQuartzApplication.class).run(
				// Boot's defaults, not Timekeeper's application.yaml (which is on this
				// classpath)
				"--spring.config.name=stock-quartz", "--spring.main.web-application-type=none",
				"--logging.level.root=WARN",
				"--spring.datasource.url=jdbc:h2:file:" + ROOT.resolve("stock") + ";DB_CLOSE_ON_EXIT=FALSE",
				"--spring.flyway.enabled=false", "--spring.jpa.hibernate.ddl-auto=none",
				"--spring.quartz.job-store-type=jdbc", "--spring.quartz.jdbc.initialize-schema=always",
				"--spring.quartz.scheduler-name=stock-burst")) {
			Scheduler scheduler = context.getBean(Scheduler.class);
			Instant due = Instant.now().plus(creationTime(800));
			Instant createStart = Instant.now();
			for (int i = 0; i < N; i++) {
				JobDetail job = JobBuilder.newJob(StockQuartzApplication.NoteJob.class)
					.withIdentity("job-" + i, "burst")
					.build();
				Trigger trigger = TriggerBuilder.newTrigger()
					.withIdentity("job-" + i, "burst")
					.startAt(java.util.Date.from(due))
					.withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
					.build();
				scheduler.scheduleJob(job, trigger);
			}
			check(createStart, due, "stock");
			await().atMost(Duration.ofMinutes(15))
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> StockQuartzApplication.FIRES.size() >= N);
			return Result.of(due, StockQuartzApplication.FIRES.stream().toList());
		}
	}

	private static Result timekeeper() throws Exception {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TimekeeperApplication.class).run(
				"--server.port=0", "--spring.profiles.active=testusers", "--logging.level.root=WARN",
				"--spring.datasource.url=jdbc:h2:file:" + ROOT.resolve("timekeeper")
						+ ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000",
				"--spring.quartz.scheduler-name=timekeeper-burst", "--timekeeper.default-jobs.enabled=false",
				"--timekeeper.executions.retention.max-per-job=1000000")) {
			Api api = new Api(context.getEnvironment().getRequiredProperty("local.server.port", Integer.class))
				.as(Api.bearer(Api.ADMIN_TOKEN));
			Instant due = Instant.now().plus(creationTime(probeRate(api)));
			Instant createStart = Instant.now();
			ExecutorService clients = Executors.newFixedThreadPool(4);
			for (int i = 0; i < N; i++) {
				String body = """
						{"group": "burst", "name": "job-%d", "type": "noop", "schedule": {"kind": "once", "at": "%s"}}"""
					.formatted(i, due);
				clients.submit(() -> api.post("/api/v1/jobs", body));
			}
			clients.shutdown();
			clients.awaitTermination(30, TimeUnit.MINUTES);
			check(createStart, due, "timekeeper");
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			await().atMost(Duration.ofMinutes(15))
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> jdbc.sql("SELECT COUNT(*) FROM TK_EXECUTION WHERE JOB_GROUP = 'burst'")
					.query(Long.class)
					.single() >= N);
			List<Fire> fires = jdbc.sql("SELECT SCHEDULED_AT, STARTED_AT FROM TK_EXECUTION WHERE JOB_GROUP = 'burst'")
				.query((rs, row) -> new Fire(rs.getObject(1, OffsetDateTime.class).toInstant(),
						rs.getObject(2, OffsetDateTime.class).toInstant()))
				.list();
			return Result.of(due, fires);
		}
	}

	/** Enough time to create N jobs at the given rate per second, and then some. */
	private static Duration creationTime(double perSecond) {
		return Duration.ofSeconds((long) (N / perSecond * 1.5) + 10);
	}

	/** How many jobs a second the API creates here, from 100 created and deleted. */
	private static double probeRate(Api api) throws InterruptedException {
		ExecutorService clients = Executors.newFixedThreadPool(4);
		long start = System.nanoTime();
		for (int i = 0; i < 100; i++) {
			String body = """
					{"group": "probe", "name": "job-%d", "type": "noop", "schedule": {"kind": "cron", "expression": "@yearly"}}"""
				.formatted(i);
			clients.submit(() -> api.post("/api/v1/jobs", body));
		}
		clients.shutdown();
		clients.awaitTermination(10, TimeUnit.MINUTES);
		double rate = 100 / ((System.nanoTime() - start) / 1e9);
		for (int i = 0; i < 100; i++) {
			api.delete("/api/v1/jobs/probe/job-" + i);
		}
		System.out.printf("burst-create impl=timekeeper api_creates_per_s=%.0f%n", rate);
		return rate;
	}

	private static void check(Instant start, Instant due, String which) {
		Instant created = Instant.now();
		if (created.isAfter(due)) {
			throw new IllegalStateException(which + ": creating " + N + " jobs took until after they were due ("
					+ Duration.between(start, created) + "); lower -Dbench.burst");
		}
	}

	/**
	 * What one case measured.
	 *
	 * @param fires how many runs
	 * @param firesPerSecond runs per second from the due time to the last start
	 * @param lagP50 median start minus due time, ms
	 * @param lagP99 99th percentile, ms
	 * @param lagMax the most, ms
	 * @param early runs started more than 5 ms before they were due
	 */
	record Result(int fires, double firesPerSecond, long lagP50, long lagP99, long lagMax, long early) {

		/**
		 * Lag is measured from the instant every job was due, not from the fire time
		 * Quartz reports: a fire it handled as a misfire reports the time it was
		 * rescheduled to, which would hide how late it really started.
		 */
		static Result of(Instant due, List<Fire> fires) {
			List<Long> lags = new ArrayList<>(
					fires.stream().map((fire) -> Duration.between(due, fire.startedAt()).toMillis()).toList());
			lags.sort(Comparator.naturalOrder());
			Instant last = fires.stream().map(Fire::startedAt).max(Comparator.naturalOrder()).orElse(due);
			double seconds = Math.max(0.001, Duration.between(due, last).toMillis() / 1000.0);
			return new Result(fires.size(), fires.size() / seconds, lags.get(lags.size() / 2),
					lags.get((int) Math.min(lags.size() - 1, lags.size() * 0.99)), lags.getLast(),
					lags.stream().filter((lag) -> lag < -5).count());
		}

		String line(String impl) {
			return "burst impl=%s db=h2 n=%d fires=%d fires_per_s=%.0f lag_p50_ms=%d lag_p99_ms=%d lag_max_ms=%d early=%d"
				.formatted(impl, N, this.fires, this.firesPerSecond, this.lagP50, this.lagP99, this.lagMax, this.early);
		}

	}

}
