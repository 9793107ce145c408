package dev.timekeeper.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * What a run measures, from {@code -Dbench.*} system properties (Maven passes them on to
 * the test JVM); the defaults are the figures of issue 8.
 *
 * @param databases the database kinds to run on: {@code h2}, {@code postgresql}
 * @param cases the cases to run: {@code startup}, {@code api}, {@code burst},
 * {@code steady}
 * @param burstSizes jobs per burst, one burst case per size
 * @param burstImpls the schedulers in the burst cases: {@code quartz-stock},
 * {@code db-scheduler}, {@code timekeeper}
 * @param burstTimeout how long after the due instant a burst may take to run
 * @param burstWarmup one-shot jobs each scheduler fires in a burst of their own before
 * the measured burst, so that it measures the scheduler rather than its JIT warming up
 * @param steadyJobs jobs per steady case, one case per entry
 * @param steadyPeriods each steady case's period, as many as {@code steadyJobs}
 * @param stored the jobs stored but not due during the steady cases and start-up
 * @param steadyWarmup how long the steady jobs run before the window
 * @param steadyWindow how long the steady window is
 * @param apiConcurrency connections in the API case, each sending its next request when
 * the last one is answered
 * @param apiWarmup the shortest time the API load runs before it is measured
 * @param apiWarmupMax the longest (no shorter than {@code apiWarmup}): between the two,
 * until its rate has settled; the create load's warm-up is always the shortest
 * @param apiDuration how long the API load is measured
 * @param createBatch jobs per request when the cases create their jobs (through
 * {@code POST /api/v1/jobs/batch})
 * @param createConcurrency connections that create the jobs of the other cases
 * @param jvmOptions the options of every child JVM
 * @param aotCache whether Timekeeper starts as shipped, with the JDK's ahead-of-time
 * cache of a training run (its only JVM option that the other children do not have), or
 * without one; either way the start-up case also measures it without
 */
record Settings(List<String> databases, List<String> cases, List<Integer> burstSizes, List<String> burstImpls,
		Duration burstTimeout, int burstWarmup, List<Integer> steadyJobs, List<Duration> steadyPeriods, int stored,
		Duration steadyWarmup, Duration steadyWindow, int apiConcurrency, Duration apiWarmup, Duration apiWarmupMax,
		Duration apiDuration, int createBatch, int createConcurrency, List<String> jvmOptions, boolean aotCache) {

	static Settings fromSystemProperties() {
		List<Integer> steadyJobs = integers("bench.steady.jobs", "500,5000");
		List<Duration> periods = strings("bench.steady.periods", "10s,5s").stream().map(Settings::seconds).toList();
		if (periods.size() != steadyJobs.size()) {
			throw new IllegalArgumentException("bench.steady.jobs and bench.steady.periods differ in length");
		}
		return new Settings(strings("bench.databases", "h2,postgresql"),
				strings("bench.cases", "startup,api,burst,steady"), integers("bench.burst.sizes", "5000,20000"),
				strings("bench.burst.impls", "quartz-stock,db-scheduler,timekeeper"),
				seconds(property("bench.burst.timeout", "600s")),
				Integer.parseInt(property("bench.burst.warmup", "500")), steadyJobs, periods,
				Integer.parseInt(property("bench.steady.stored", "100000")),
				seconds(property("bench.steady.warmup", "5s")), seconds(property("bench.steady.window", "15s")),
				Integer.parseInt(property("bench.api.concurrency", "8")), seconds(property("bench.api.warmup", "5s")),
				seconds(property("bench.api.warmup-max", "60s")), seconds(property("bench.api.duration", "10s")),
				Integer.parseInt(property("bench.create.batch", "1000")),
				Integer.parseInt(property("bench.create.concurrency", "2")),
				List.of(property("bench.jvm-options", "-Xmx1g -XX:+ExitOnOutOfMemoryError").trim().split("\\s+")),
				Boolean.parseBoolean(property("bench.timekeeper.aot-cache", "true")));
	}

	/**
	 * How the cases create their jobs.
	 * @return the batch size and connections
	 */
	Requests.Creation creation() {
		return new Requests.Creation(this.createBatch, this.createConcurrency);
	}

	/**
	 * How long the API load runs before it is measured.
	 * @return the shortest and longest warm-up
	 */
	LoadTest.Warmup apiWarmups() {
		return new LoadTest.Warmup(this.apiWarmup,
				(this.apiWarmupMax.compareTo(this.apiWarmup) < 0) ? this.apiWarmup : this.apiWarmupMax, null);
	}

	boolean runs(String kase) {
		return this.cases.contains(kase);
	}

	private static String property(String name, String otherwise) {
		String value = System.getProperty(name);
		return (value == null || value.isBlank()) ? otherwise : value;
	}

	private static List<String> strings(String name, String otherwise) {
		return Arrays.stream(property(name, otherwise).split(","))
			.map(String::trim)
			.filter((s) -> !s.isEmpty())
			.toList();
	}

	private static List<Integer> integers(String name, String otherwise) {
		return strings(name, otherwise).stream().map(Integer::valueOf).toList();
	}

	/** {@code 60s}, {@code 500ms} or ISO-8601 {@code PT60S}. */
	private static Duration seconds(String value) {
		if (value.startsWith("P")) {
			return Duration.parse(value);
		}
		if (value.endsWith("ms")) {
			return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
		}
		return Duration.ofSeconds(Long.parseLong(value.endsWith("s") ? value.substring(0, value.length() - 1) : value));
	}

}
