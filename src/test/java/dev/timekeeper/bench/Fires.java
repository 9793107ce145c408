package dev.timekeeper.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The starts of one burst and what they add up to: fires per second from the due instant
 * to the last start, and each start's lag behind the due instant.
 *
 * @param due when every job was due
 * @param starts each run's start, epoch microseconds
 * @param createdPerSecond how fast the jobs were created
 */
record Fires(Instant due, long[] starts, double createdPerSecond) {

	/**
	 * Reads the report a burst child wrote ({@code benchmark.BurstRun}).
	 * @param report the file
	 * @return its starts
	 */
	static Fires read(Path report) throws Exception {
		List<String> lines = Files.readAllLines(report);
		Map<String, String> header = new LinkedHashMap<>();
		for (String pair : lines.getFirst().split(" ")) {
			header.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
		}
		long dueMicros = Long.parseLong(header.get("due_us"));
		double perSecond = Long.parseLong(header.get("created"))
				/ Math.max(0.001, Long.parseLong(header.get("create_ms")) / 1000.0);
		long[] starts = lines.stream().skip(1).mapToLong(Long::parseLong).toArray();
		return new Fires(Instant.EPOCH.plus(dueMicros, ChronoUnit.MICROS), starts, perSecond);
	}

	static long micros(Instant instant) {
		return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
	}

	int count() {
		return this.starts.length;
	}

	/** Runs per second from the due instant to the last start. */
	double perSecond() {
		long due = micros(this.due);
		long last = Arrays.stream(this.starts).max().orElse(due);
		return count() / Math.max(1e-3, (last - due) / 1e6);
	}

	Lags lags() {
		long due = micros(this.due);
		return Lags.ofMicros(Arrays.stream(this.starts).map((start) -> start - due).toArray());
	}

	Line addTo(Line line) {
		Line result = line.with("fires", count()).with("fires_per_s", perSecond(), 0);
		return lags().addTo(result).with("creates_per_s", this.createdPerSecond, 0);
	}

}
