package dev.timekeeper.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import benchmark.CpuTime;

/**
 * The starts of one burst and what they add up to: fires per second from the due instant
 * to the last start, each start's lag behind the due instant, and the CPU time per fire.
 *
 * @param due when every job was due
 * @param starts each run's start, epoch microseconds
 * @param createdPerSecond how fast the jobs were created
 * @param cpu the CPU time from the due instant until every run was seen, of the
 * scheduler's process and of PostgreSQL's
 */
record Fires(Instant due, long[] starts, double createdPerSecond, CpuTime cpu) {

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
		CpuTime cpu = new CpuTime(Long.parseLong(header.get("cpu_ns")), Long.parseLong(header.get("db_cpu_ns")));
		return new Fires(Instant.EPOCH.plus(dueMicros, ChronoUnit.MICROS), starts, perSecond, cpu);
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

	/**
	 * Adds the figures to a summary line.
	 * @param line the line
	 * @param database whether the database's CPU time counts (PostgreSQL's; H2 runs in
	 * the scheduler's process)
	 * @return the line
	 */
	Line addTo(Line line, boolean database) {
		Line result = lags().addTo(line.with("fires", count()).with("fires_per_s", perSecond(), 0))
			.with("creates_per_s", this.createdPerSecond, 0)
			.with("cpu_us_per_fire", this.cpu.processNanos() / 1e3 / Math.max(1, count()), 0);
		return database ? result.with("db_cpu_us_per_fire", this.cpu.databaseNanos() / 1e3 / Math.max(1, count()), 0)
				: result;
	}

}
