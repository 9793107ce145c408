package dev.timekeeper.monitoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads what the Linux kernel itself says, to hold the samples against: the accuracy
 * tests compare a job's values with these files read at the same moment.
 */
final class GroundTruth {

	private GroundTruth() {
	}

	/**
	 * A value of {@code /proc/meminfo}, in bytes.
	 * @param key such as {@code MemTotal}
	 * @return the value
	 */
	static long meminfo(String key) {
		return lines("/proc/meminfo").filter((line) -> line.startsWith(key + ":"))
			.map((line) -> Long.parseLong(line.split("\\s+")[1]) * 1024)
			.findFirst()
			.orElseThrow();
	}

	/**
	 * The aggregate CPU line of {@code /proc/stat}: user, nice, system, idle, iowait,
	 * irq, softirq, steal (guest time is already counted in user and nice).
	 * @return the eight tick counts
	 */
	static long[] cpuTicks() {
		String line = lines("/proc/stat").filter((candidate) -> candidate.startsWith("cpu ")).findFirst().orElseThrow();
		return Arrays.stream(line.trim().split("\\s+")).skip(1).limit(8).mapToLong(Long::parseLong).toArray();
	}

	/**
	 * The busy share of the CPU between two readings of {@link #cpuTicks()}: everything
	 * but idle and iowait.
	 * @param before the earlier reading
	 * @param after the later reading
	 * @return the busy share
	 */
	static double cpuUsage(long[] before, long[] after) {
		long total = 0;
		for (int i = 0; i < after.length; i++) {
			total += after[i] - before[i];
		}
		long idle = (after[3] - before[3]) + (after[4] - before[4]);
		return 1.0 - (double) idle / total;
	}

	/**
	 * An interface's received and sent byte counts from {@code /proc/net/dev}.
	 * @param name the interface
	 * @return received bytes, sent bytes
	 */
	static long[] interfaceBytes(String name) {
		String line = lines("/proc/net/dev").filter((candidate) -> candidate.trim().startsWith(name + ":"))
			.findFirst()
			.orElseThrow();
		String[] fields = line.substring(line.indexOf(':') + 1).trim().split("\\s+");
		return new long[] { Long.parseLong(fields[0]), Long.parseLong(fields[8]) };
	}

	private static java.util.stream.Stream<String> lines(String file) {
		try {
			return Files.readAllLines(Path.of(file)).stream();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
