package dev.timekeeper.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * A closed-loop load generator: each of a few connections sends its next request as soon
 * as the last is answered, first for a warm-up, then for the measured time. Throughput is
 * what was answered in the measured time; latencies are exact per request.
 * <p>
 * The warm-up lasts until the service has warmed up: a JVM service is still being
 * compiled by the JIT for tens of seconds after its start, and a rate measured meanwhile
 * is the compiler's progress more than the service's. It is watched in slices of
 * {@value #SLICE_MILLIS} ms; once the minimum has passed, it ends when the JIT compiler's
 * threads have used at most {@value #QUIET_COMPILER_PERCENT}% of a core over the last
 * {@value #SETTLED_SLICES} slices (when the service's compiler is watched) and the mean
 * rate of those slices is within {@value #GAIN_PERCENT}% of the mean of the
 * {@value #SETTLED_SLICES} before them, or at the maximum. The rate alone was not enough:
 * it creeps up a few percent a slice while the compiler works through the hot code and
 * passed for settled, and a service's rate can wander by a sixth with its compiler idle.
 */
final class LoadTest {

	private static final long SLICE_MILLIS = 2000;

	private static final int SETTLED_SLICES = 3;

	private static final int GAIN_PERCENT = 5;

	private static final int QUIET_COMPILER_PERCENT = 10;

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
	static Result run(Supplier<HttpConnection> connections, int concurrency, Warmup warmup, Duration measured,
			IntFunction<Source> requests) throws Exception {
		return run(connections, concurrency, warmup, measured, requests, () -> {
		});
	}

	/**
	 * Runs the load, and something else once the warm-up has ended; the measured time
	 * begins a second after that has finished.
	 * @param connections a new connection per worker
	 * @param concurrency how many workers
	 * @param warmup how long before measuring
	 * @param measured how long to measure
	 * @param requests each worker's request source, by worker index
	 * @param beforeMeasuring what to do meanwhile, on the calling thread
	 * @return the figures of the measured time
	 */
	static Result run(Supplier<HttpConnection> connections, int concurrency, Warmup warmup, Duration measured,
			IntFunction<Source> requests, Step beforeMeasuring) throws Exception {
		Window window = new Window();
		List<Worker> workers = new ArrayList<>();
		for (int w = 0; w < concurrency; w++) {
			workers.add(new Worker(connections.get(), requests.apply(w), window));
		}
		List<Thread> threads = workers.stream().map((worker) -> Thread.ofPlatform().start(worker)).toList();
		WarmedUp warmedUp;
		try {
			warmedUp = warmUp(window, warmup);
			beforeMeasuring.run();
			window.open(System.nanoTime() + Duration.ofSeconds(1).toNanos(), measured);
		}
		finally {
			window.open(System.nanoTime(), Duration.ZERO);
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
				workers.stream().map(Worker::firstError).filter((e) -> e != null).findFirst().orElse(null), warmedUp);
	}

	/**
	 * Waits until the service has warmed up or the maximum has passed.
	 * @return how the warm-up went
	 */
	private static WarmedUp warmUp(Window window, Warmup warmup) throws InterruptedException {
		List<Double> slices = new ArrayList<>();
		long began = System.nanoTime();
		long deadline = began + warmup.max().toNanos();
		long minimum = began + warmup.min().toNanos();
		List<Double> compiler = new ArrayList<>();
		boolean watched = warmup.compilerTicks() != null;
		LongSupplier ticks = watched ? warmup.compilerTicks() : () -> 0;
		long answered = window.answered.sum();
		long compiled = ticks.getAsLong();
		long sliceStart = began;
		while (true) {
			long now = System.nanoTime();
			boolean settled = !warmup.fixed() && now >= minimum && settled(slices) && (!watched || quiet(compiler));
			if (settled || now >= deadline) {
				return new WarmedUp((now - began) / 1e9, slices, compiler,
						warmup.fixed() ? "fixed" : settled ? "yes" : "no");
			}
			Thread.sleep(Duration.ofNanos(Math.min(deadline - now, Duration.ofMillis(SLICE_MILLIS).toNanos())));
			long sliceEnd = System.nanoTime();
			long total = window.answered.sum();
			long compiledNow = ticks.getAsLong();
			double seconds = (sliceEnd - sliceStart) / 1e9;
			slices.add((total - answered) / seconds);
			compiler.add((compiledNow - compiled) / 100.0 / seconds);
			answered = total;
			compiled = compiledNow;
			sliceStart = sliceEnd;
		}
	}

	private static boolean settled(List<Double> slices) {
		int size = slices.size();
		if (size < 2 * SETTLED_SLICES) {
			return false;
		}
		double last = mean(slices.subList(size - SETTLED_SLICES, size));
		double before = mean(slices.subList(size - 2 * SETTLED_SLICES, size - SETTLED_SLICES));
		return within(last, before);
	}

	/**
	 * Whether the compiler used little CPU over the last slices the rate is judged on.
	 */
	private static boolean quiet(List<Double> compiler) {
		int size = compiler.size();
		return size >= SETTLED_SLICES
				&& mean(compiler.subList(size - SETTLED_SLICES, size)) <= QUIET_COMPILER_PERCENT / 100.0;
	}

	/** Within the margin of a reference rate; a stalled load (no rate) never is. */
	private static boolean within(double rate, double reference) {
		return rate > 0 && Math.abs(rate - reference) <= reference * GAIN_PERCENT / 100.0;
	}

	private static double mean(List<Double> rates) {
		return rates.stream().mapToDouble(Double::doubleValue).average().orElse(0);
	}

	/**
	 * How long the load runs before it is measured: at least {@code min}, then until the
	 * service has warmed up, at most {@code max}. Equal, they make a fixed warm-up.
	 * Settling takes {@value #SETTLED_SLICES} times two slices at least (12 s).
	 *
	 * @param min the shortest warm-up
	 * @param max the longest warm-up
	 * @param compilerTicks when not null, the JIT compiler's CPU time so far, which must
	 * have gone quiet too
	 */
	record Warmup(Duration min, Duration max, @Nullable LongSupplier compilerTicks) {

		Warmup {
			if (max.compareTo(min) < 0) {
				throw new IllegalArgumentException(
						"the longest warm-up " + max + " is shorter than the shortest " + min);
			}
		}

		/**
		 * A warm-up of one fixed length.
		 * @param length its length
		 * @return the warm-up
		 */
		static Warmup fixed(Duration length) {
			return new Warmup(length, length, null);
		}

		/**
		 * This warm-up, settled only once the JIT compiler has gone quiet as well: its
		 * threads used at most {@value #QUIET_COMPILER_PERCENT}% of a core over the
		 * slices the rate is judged on.
		 * @param compilerTicks the CPU time the compiler has used so far, in clock ticks
		 * of 1/100 s
		 * @return the warm-up
		 */
		Warmup watching(LongSupplier compilerTicks) {
			return new Warmup(this.min, this.max, compilerTicks);
		}

		boolean fixed() {
			return this.min.equals(this.max);
		}

	}

	/**
	 * How a warm-up went.
	 *
	 * @param seconds how long it took
	 * @param rates the rate of each of its slices, per second
	 * @param compiler the cores the JIT compiler used in each slice (zero when not
	 * watched)
	 * @param settled {@code yes} when it ended because the rate had settled, {@code no}
	 * when at its maximum, {@code fixed} when it had one length
	 */
	record WarmedUp(double seconds, List<Double> rates, List<Double> compiler, String settled) {

	}

	/**
	 * The measured time, once the warm-up has ended, and the requests answered so far.
	 */
	private static final class Window {

		private final LongAdder answered = new LongAdder();

		private volatile long start = Long.MAX_VALUE;

		private volatile long end = Long.MAX_VALUE;

		void open(long start, Duration measured) {
			if (this.end == Long.MAX_VALUE) {
				this.end = start + measured.toNanos();
				this.start = start;
			}
		}

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
	 * @param warmup how the warm-up went
	 */
	record Result(long requests, long errors, double perSecond, double p50, double p99, String firstError,
			WarmedUp warmup) {

		Line addTo(Line line) {
			return line.with("warmup_s", this.warmup.seconds(), 0)
				.with("settled", this.warmup.settled())
				.with("requests", this.requests)
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

		private final Window window;

		private long[] latencies = new long[1024];

		private int count;

		private long errors;

		private String firstError;

		Worker(HttpConnection connection, Source source, Window window) {
			this.connection = connection;
			this.source = source;
			this.window = window;
		}

		@Override
		public void run() {
			try (this.connection) {
				for (long sent = System.nanoTime(); sent < this.window.end; sent = System.nanoTime()) {
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
					this.window.answered.increment();
					if (sent >= this.window.start && answered <= this.window.end) {
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
