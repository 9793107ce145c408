package dev.timekeeper.bench;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * Many requests to Timekeeper's API over a few connections at once, as fast as it
 * answers: how the cases create their jobs (through the API, as a user importing many
 * jobs would: {@code POST /api/v1/jobs/batch}) and how fast that is.
 */
final class Requests {

	static final Instant FAR = Instant.parse("2100-01-01T00:00:00Z");

	/** Connections that delete the probe's jobs, one request per job. */
	private static final int DELETE_CONCURRENCY = 4;

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
	 * Creates the jobs in batches ({@code POST /api/v1/jobs/batch}, each one transaction)
	 * and fails when any is refused. The first batch goes alone, and then PostgreSQL's
	 * planner is given the tables' statistics ({@link Database#analyze()}), as autovacuum
	 * would have in a database that had run for a while (this machine's runs with it
	 * off): planned on empty tables, the foreign-key checks of Quartz's inserts scan
	 * their tables, and creation slows down as they grow (a batch of 1,000 took 7.5 s at
	 * 45,000 jobs, and 0.19 s once analyzed).
	 * @param timekeeper the instance
	 * @param database its database
	 * @param count how many
	 * @param create the batch size and connections in parallel
	 * @param json the i-th job
	 * @return how fast it went, in jobs (not requests), the analysis included
	 */
	static Result create(Timekeeper timekeeper, Database database, int count, Creation create, IntFunction<String> json)
			throws InterruptedException, SQLException {
		int batches = Math.ceilDiv(count, create.batch());
		IntFunction<Request> batch = (b) -> {
			StringBuilder body = new StringBuilder(create.batch() * 160).append("{\"jobs\":[");
			for (int i = b * create.batch(); i < Math.min(count, (b + 1) * create.batch()); i++) {
				body.append((i > b * create.batch()) ? "," : "").append(json.apply(i));
			}
			return new Request("POST", "/api/v1/jobs/batch", body.append("]}").toString(), 201);
		};
		long begin = System.nanoTime();
		send(timekeeper, 1, 1, batch).orFail();
		database.analyze();
		send(timekeeper, batches - 1, create.concurrency(), (b) -> batch.apply(b + 1)).orFail();
		return new Result(count, 0, Duration.ofNanos(System.nanoTime() - begin), null);
	}

	/**
	 * How many jobs a second it creates here, from two batches' worth created after one
	 * batch to warm up (a cold JVM creates several times slower, and the cases leave time
	 * for creation by this rate), all deleted again.
	 * @param timekeeper the instance
	 * @param database its database
	 * @param create the batch size and connections in parallel
	 * @return jobs per second
	 */
	static double probe(Timekeeper timekeeper, Database database, Creation create)
			throws InterruptedException, SQLException {
		int warm = create.batch();
		int measured = 2 * create.batch();
		create(timekeeper, database, warm, create, (i) -> storedJob("probe", "warm-" + i));
		Result created = create(timekeeper, database, measured, create, (i) -> storedJob("probe", "job-" + i));
		send(timekeeper, warm + measured, DELETE_CONCURRENCY, (i) -> new Request("DELETE",
				"/api/v1/jobs/probe/" + ((i < warm) ? "warm-" + i : "job-" + (i - warm)), null, 204))
			.orFail();
		return created.perSecond();
	}

	/**
	 * How the cases create their jobs.
	 *
	 * @param batch jobs per request
	 * @param concurrency requests in parallel, each on a connection of its own
	 */
	record Creation(int batch, int concurrency) {

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
