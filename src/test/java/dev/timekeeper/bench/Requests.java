package dev.timekeeper.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * Many requests to Timekeeper's API over a few connections at once, as fast as it
 * answers: how the cases create their jobs (through the API, as a user would) and how
 * fast that is.
 */
final class Requests {

	static final Instant FAR = Instant.parse("2100-01-01T00:00:00Z");

	private Requests() {
	}

	/**
	 * A job that is stored but never due during a run.
	 * @param group its group
	 * @param name its name
	 * @return its JSON
	 */
	static String storedJob(String group, String name) {
		return """
				{"group":"%s","name":"%s","type":"noop","schedule":{"kind":"interval","every":"P1D"},"startAt":"%s"}"""
			.formatted(group, name, FAR);
	}

	/**
	 * Sends the requests, {@code concurrency} at a time.
	 * @param timekeeper the instance
	 * @param count how many
	 * @param concurrency connections in parallel
	 * @param request the i-th request
	 * @return how it went
	 */
	static Result send(Timekeeper timekeeper, int count, int concurrency, IntFunction<Request> request)
			throws InterruptedException {
		AtomicInteger next = new AtomicInteger();
		AtomicInteger failed = new AtomicInteger();
		AtomicReference<String> firstError = new AtomicReference<>();
		long begin = System.nanoTime();
		List<Thread> threads = new ArrayList<>();
		for (int t = 0; t < Math.min(concurrency, count); t++) {
			threads.add(Thread.ofPlatform().name("bench-client-" + t).start(() -> {
				try (HttpConnection connection = timekeeper.connect()) {
					for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
						Request r = request.apply(i);
						String error;
						try {
							HttpConnection.Response response = connection.send(r.method(), r.path(), r.json());
							error = (response.status() == r.expected()) ? null
									: response.status() + " " + response.body();
						}
						catch (Exception ex) {
							error = ex.toString();
						}
						if (error != null) {
							failed.incrementAndGet();
							firstError.compareAndSet(null, r.method() + " " + r.path() + ": " + error);
						}
					}
				}
			}));
		}
		for (Thread thread : threads) {
			thread.join();
		}
		return new Result(count - failed.get(), failed.get(), Duration.ofNanos(System.nanoTime() - begin),
				firstError.get());
	}

	/**
	 * Creates the jobs and fails when any is refused.
	 * @param timekeeper the instance
	 * @param count how many
	 * @param concurrency connections in parallel
	 * @param json the i-th job
	 * @return how fast it went
	 */
	static Result create(Timekeeper timekeeper, int count, int concurrency, IntFunction<String> json)
			throws InterruptedException {
		return send(timekeeper, count, concurrency, (i) -> new Request("POST", "/api/v1/jobs", json.apply(i), 201))
			.orFail();
	}

	/**
	 * How many jobs a second it creates here, from 200 created after 100 to warm up (a
	 * cold JVM creates several times slower, and the cases leave time for creation by
	 * this rate), all deleted again.
	 * @param timekeeper the instance
	 * @param concurrency connections in parallel
	 * @return jobs per second
	 */
	static double probe(Timekeeper timekeeper, int concurrency) throws InterruptedException {
		create(timekeeper, 100, concurrency, (i) -> storedJob("probe", "warm-" + i));
		Result created = create(timekeeper, 200, concurrency, (i) -> storedJob("probe", "job-" + i));
		send(timekeeper, 300, concurrency, (i) -> new Request("DELETE",
				"/api/v1/jobs/probe/" + ((i < 100) ? "warm-" + i : "job-" + (i - 100)), null, 204))
			.orFail();
		return created.perSecond();
	}

	/**
	 * One request.
	 *
	 * @param method its method
	 * @param path its path
	 * @param json its body, or null
	 * @param expected the status that means success
	 */
	record Request(String method, String path, String json, int expected) {

	}

	/**
	 * How a batch of requests went.
	 *
	 * @param succeeded requests answered as expected
	 * @param failed the others
	 * @param took from the first sent to the last answered
	 * @param firstError what went wrong first, or null
	 */
	record Result(int succeeded, int failed, Duration took, String firstError) {

		double perSecond() {
			return this.succeeded / Math.max(1e-3, this.took.toNanos() / 1e9);
		}

		Result orFail() {
			if (this.failed > 0) {
				throw new IllegalStateException(this.failed + " requests failed; first: " + this.firstError);
			}
			return this;
		}

	}

}
