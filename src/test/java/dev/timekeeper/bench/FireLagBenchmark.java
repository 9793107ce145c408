package dev.timekeeper.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import dev.timekeeper.TimekeeperApplication;
import dev.timekeeper.execution.ExecutionLog;
import dev.timekeeper.execution.FinishedRun;
import dev.timekeeper.execution.Outcome;
import dev.timekeeper.support.Api;
import dev.timekeeper.support.PrometheusText;
import dev.timekeeper.support.PrometheusText.Sample;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * A benchmark, not a test: it prints figures and asserts nothing. Run it with
 * {@code ./mvnw -B test -Dtest=FireLagBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dbench.jobs=100 -Dbench.seconds=60} are the defaults).
 * <p>
 * Part one: J interval jobs of 1 s on the default H2 file database; after a warm-up, the
 * fire lag of the measured window, read from the service's own histogram (bucket upper
 * bounds, as Prometheus' histogram_quantile would) and, exactly, from the execution
 * history. Part two: what recording costs the firing path: the time a worker thread
 * spends handing a finished run to the history, and how fast the writer stores them.
 */
class FireLagBenchmark {

	private static final int JOBS = Integer.getInteger("bench.jobs", 100);

	private static final int SECONDS = Integer.getInteger("bench.seconds", 60);

	@Test
	void measure() throws Exception {
		Path directory = Path.of("target", "bench", "fire-lag").toAbsolutePath();
		FileSystemUtils.deleteRecursively(directory);
		Files.createDirectories(directory);
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TimekeeperApplication.class).run(
				"--server.port=0", "--spring.profiles.active=testusers",
				"--spring.quartz.scheduler-name=timekeeper-bench", "--spring.datasource.url=jdbc:h2:file:"
						+ directory.resolve("timekeeper") + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000",
				"--logging.level.root=WARN")) {
			Api api = new Api(context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
			fireLag(api);
			ExecutionLog log = context.getBean(ExecutionLog.class);
			// within the queue's capacity: what a worker thread pays per run
			recordingCost(log, 10, 800);
			// far beyond it: the writer's sustained rate, workers writing when it is full
			recordingCost(log, 10, 20_000);
		}
	}

	private static void fireLag(Api api) throws InterruptedException {
		for (int i = 0; i < JOBS; i++) {
			api.post("/api/v1/jobs", """
					{"group": "bench", "name": "job-%d", "type": "noop",
					 "schedule": {"kind": "interval", "every": "PT1S"}}""".formatted(i));
		}
		Thread.sleep(Duration.ofSeconds(10));
		PrometheusText before = PrometheusText.parse(api.get("/actuator/prometheus").body());
		Instant from = Instant.now();
		Thread.sleep(Duration.ofSeconds(SECONDS));
		Instant to = Instant.now();
		PrometheusText after = PrometheusText.parse(api.get("/actuator/prometheus").body());
		api.post("/api/v1/groups/bench/pause");

		double[] bounds = after.find("timekeeper_fire_lag_seconds_bucket", "group", "bench")
			.stream()
			.mapToDouble((bucket) -> le(bucket))
			.sorted()
			.toArray();
		double[] counts = Arrays.stream(bounds).map((le) -> count(after, le) - count(before, le)).toArray();
		double total = counts[counts.length - 1];
		double max = after.sum("timekeeper_fire_lag_seconds_max", "group", "bench");
		System.out.printf("fire-lag-histogram jobs=%d window=%ds fires=%.0f rate=%.1f/s p50<=%s p99<=%s max=%.1fms%n",
				JOBS, SECONDS, total, total / SECONDS, quantile(bounds, counts, 0.50), quantile(bounds, counts, 0.99),
				max * 1000);

		List<Long> lags = history(api, from, to);
		lags.sort(Comparator.naturalOrder());
		System.out.printf("fire-lag-history runs=%d p50=%dms p99=%dms max=%dms early(>5ms)=%d%n", lags.size(),
				lags.get(lags.size() / 2), lags.get((int) (lags.size() * 0.99)), lags.getLast(),
				lags.stream().filter((lag) -> lag < -5).count());
	}

	private static List<Long> history(Api api, Instant from, Instant to) {
		List<Long> lags = new ArrayList<>();
		for (int page = 0;; page++) {
			JsonNode body = api
				.get("/api/v1/executions?group=bench&size=500&page=" + page + "&from=" + from + "&to=" + to)
				.json();
			body.path("content")
				.forEach((run) -> lags.add(
						Duration
							.between(Instant.parse(run.path("scheduledAt").asString()),
									Instant.parse(run.path("startedAt").asString()))
							.toMillis()));
			if (page + 1 >= body.path("page").path("totalPages").asInt()) {
				return lags;
			}
		}
	}

	private static void recordingCost(ExecutionLog log, int threads, int perThread) throws InterruptedException {
		AtomicLong handoffNanos = new AtomicLong();
		long[] slowest = new long[threads];
		CountDownLatch done = new CountDownLatch(threads);
		Instant now = Instant.now();
		Map<String, Object> result = Map.of("sleptMs", 0);
		long start = System.nanoTime();
		for (int t = 0; t < threads; t++) {
			int thread = t;
			Thread.ofPlatform().start(() -> {
				for (int i = 0; i < perThread; i++) {
					FinishedRun run = new FinishedRun("synthetic", "job-" + (i % 100), "noop", "bench", null, now, now,
							now, Outcome.SUCCESS, 1, null, result);
					long before = System.nanoTime();
					log.record(run);
					long took = System.nanoTime() - before;
					handoffNanos.addAndGet(took);
					slowest[thread] = Math.max(slowest[thread], took);
				}
				done.countDown();
			});
		}
		done.await();
		boolean stored = log.flush(Duration.ofMinutes(5).toMillis());
		double seconds = (System.nanoTime() - start) / 1e9;
		int runs = threads * perThread;
		System.out.printf(
				"recording runs=%d threads=%d handoff-mean=%.1fus handoff-max=%.1fms stored=%s store-rate=%.0f/s%n",
				runs, threads, handoffNanos.get() / 1e3 / runs, Arrays.stream(slowest).max().orElse(0) / 1e6, stored,
				runs / seconds);
	}

	private static double le(Sample bucket) {
		return Double.parseDouble(bucket.labels().get("le").replace("+Inf", "Infinity"));
	}

	private static double count(PrometheusText scrape, double le) {
		return scrape.find("timekeeper_fire_lag_seconds_bucket", "group", "bench")
			.stream()
			.filter((bucket) -> le(bucket) == le)
			.mapToDouble(Sample::value)
			.sum();
	}

	private static String quantile(double[] bounds, double[] cumulative, double q) {
		double rank = q * cumulative[cumulative.length - 1];
		for (int i = 0; i < bounds.length; i++) {
			if (cumulative[i] >= rank) {
				return Double.isInfinite(bounds[i]) ? "+Inf" : (bounds[i] * 1000) + "ms";
			}
		}
		return "?";
	}

}
