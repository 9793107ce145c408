package dev.timekeeper.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * A closed-loop load generator: each of a few connections sends its next request as soon
 * as the last is answered, first for a warm-up, then for the measured time. Throughput is
 * what was answered in the measured time; latencies are exact per request.
 */
final class LoadTest {

	private LoadTest() {
	}

	/**
	 * Runs the load.
	 * @param connections a new connection per worker
	 * @param concurrency how many workers
	 * @param warmup how long before measuring
	 * @param measured how long to measure
	 * @param requests each worker's request source, by worker index
	 * @return the figures of the measured time
	 */
	static Result run(Supplier<HttpConnection> connections, int concurrency, Duration warmup, Duration measured,
			IntFunction<Source> requests) throws Exception {
		return run(connections, concurrency, warmup, measured, requests, () -> {
		});
	}

	/**
	 * Runs the load, and something else a second before the warm-up ends (or at once,
	 * when the warm-up is shorter).
	 * @param connections a new connection per worker
	 * @param concurrency how many workers
	 * @param warmup how long before measuring
	 * @param measured how long to measure
	 * @param requests each worker's request source, by worker index
	 * @param beforeMeasuring what to do meanwhile, on the calling thread
	 * @return the figures of the measured time
	 */
	static Result run(Supplier<HttpConnection> connections, int concurrency, Duration warmup, Duration measured,
			IntFunction<Source> requests, Step beforeMeasuring) throws Exception {
		long start = System.nanoTime() + warmup.toNanos();
		long end = start + measured.toNanos();
		List<Worker> workers = new ArrayList<>();
		for (int w = 0; w < concurrency; w++) {
			workers.add(new Worker(connections.get(), requests.apply(w), start, end));
		}
		List<Thread> threads = workers.stream().map((worker) -> Thread.ofPlatform().start(worker)).toList();
		try {
			long wait = start - Duration.ofSeconds(1).toNanos() - System.nanoTime();
			if (wait > 0) {
				Thread.sleep(Duration.ofNanos(wait));
			}
			beforeMeasuring.run();
		}
		finally {
			for (Thread thread : threads) {
				thread.join();
			}
		}
		long[] latencies = workers.stream().flatMapToLong((worker) -> Arrays.stream(worker.latencies())).toArray();
		Arrays.sort(latencies);
		long errors = workers.stream().mapToLong(Worker::errors).sum();
		double seconds = measured.toNanos() / 1e9;
		return new Result(latencies.length, errors, latencies.length / seconds,
				(latencies.length > 0) ? Lags.rank(latencies, 0.50) / 1e6 : 0,
				(latencies.length > 0) ? Lags.rank(latencies, 0.99) / 1e6 : 0,
				workers.stream().map(Worker::firstError).filter((e) -> e != null).findFirst().orElse(null));
	}

	/** Something done while the load runs. */
	interface Step {

		void run() throws Exception;

	}

	/** What a worker sends next. */
	interface Source {

		Requests.Request next();

	}

	/**
	 * What the measured time saw.
	 *
	 * @param requests requests answered (successfully or not) within it
	 * @param errors of those, the ones answered other than expected or not at all
	 * @param perSecond requests answered per second
	 * @param p50 median latency, ms
	 * @param p99 99th percentile latency, ms
	 * @param firstError the first unexpected answer, or null
	 */
	record Result(long requests, long errors, double perSecond, double p50, double p99, String firstError) {

		Line addTo(Line line) {
			return line.with("requests", this.requests)
				.with("rps", this.perSecond, 0)
				.with("p50_ms", this.p50, 2)
				.with("p99_ms", this.p99, 2)
				.with("errors", this.errors);
		}

	}

	/** One connection's loop. */
	private static final class Worker implements Runnable {

		private final HttpConnection connection;

		private final Source source;

		private final long start;

		private final long end;

		private long[] latencies = new long[1024];

		private int count;

		private long errors;

		private String firstError;

		Worker(HttpConnection connection, Source source, long start, long end) {
			this.connection = connection;
			this.source = source;
			this.start = start;
			this.end = end;
		}

		@Override
		public void run() {
			try (this.connection) {
				for (long sent = System.nanoTime(); sent < this.end; sent = System.nanoTime()) {
					Requests.Request request = this.source.next();
					String error;
					try {
						int status = this.connection.send(request.method(), request.path(), request.json()).status();
						error = (status == request.expected()) ? null : "status " + status;
					}
					catch (Exception ex) {
						error = ex.toString();
					}
					long answered = System.nanoTime();
					if (sent >= this.start && answered <= this.end) {
						note(answered - sent, error);
					}
				}
			}
		}

		private void note(long nanos, String error) {
			if (this.count == this.latencies.length) {
				this.latencies = Arrays.copyOf(this.latencies, this.count * 2);
			}
			this.latencies[this.count++] = nanos;
			if (error != null) {
				this.errors++;
				if (this.firstError == null) {
					this.firstError = error;
				}
			}
		}

		long[] latencies() {
			return Arrays.copyOf(this.latencies, this.count);
		}

		long errors() {
			return this.errors;
		}

		String firstError() {
			return this.firstError;
		}

	}

}
