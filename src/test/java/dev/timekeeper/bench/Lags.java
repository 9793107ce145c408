package dev.timekeeper.bench;

import java.util.Arrays;

/**
 * The distribution of fire lags (actual start minus the time a run was due), from exact
 * per-run values, not histogram buckets.
 *
 * @param count how many runs
 * @param p50 median lag, ms
 * @param p99 99th percentile (nearest rank), ms
 * @param max the largest, ms
 * @param early runs that started more than 5 ms before they were due
 */
record Lags(int count, double p50, double p99, double max, long early) {

	static final long EARLY_MICROS = 5_000;

	/**
	 * Summarises lags.
	 * @param micros each run's lag in microseconds
	 * @return the summary; zeros when there is none
	 */
	static Lags ofMicros(long[] micros) {
		if (micros.length == 0) {
			return new Lags(0, 0, 0, 0, 0);
		}
		long[] sorted = micros.clone();
		Arrays.sort(sorted);
		return new Lags(sorted.length, rank(sorted, 0.50) / 1000.0, rank(sorted, 0.99) / 1000.0,
				sorted[sorted.length - 1] / 1000.0, Arrays.stream(sorted).filter((lag) -> lag < -EARLY_MICROS).count());
	}

	/**
	 * The nearest-rank percentile of sorted values.
	 * @param sorted values, ascending
	 * @param quantile between 0 and 1
	 * @return the value
	 */
	static long rank(long[] sorted, double quantile) {
		int index = (int) Math.ceil(quantile * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

	Line addTo(Line line) {
		return line.with("lag_p50_ms", this.p50, 1)
			.with("lag_p99_ms", this.p99, 1)
			.with("lag_max_ms", this.max, 1)
			.with("early", this.early);
	}

}
