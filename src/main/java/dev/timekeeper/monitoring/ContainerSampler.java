package dev.timekeeper.monitoring;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The container part of a {@code system} sample: inside a container the host-wide figures
 * say little about the service's own share, so the cgroup's CPU and memory limits and
 * usage are published beside them. Outside a container it adds nothing.
 */
final class ContainerSampler {

	static final Metric CPU_USAGE = Metric.counter("timekeeper.container.cpu.usage", "seconds",
			"CPU time the container's cgroup has used");

	static final Metric CPU_LIMIT = Metric.gauge("timekeeper.container.cpu.limit", "cores",
			"The container's CPU quota in cores; absent when it has none");

	static final Metric MEMORY_USAGE = Metric.gauge("timekeeper.container.memory.usage", "bytes",
			"Memory the container's cgroup uses, page cache included");

	static final Metric MEMORY_LIMIT = Metric.gauge("timekeeper.container.memory.limit", "bytes",
			"The container's memory limit; absent when it has none");

	private final Cgroups cgroups;

	private final int hostCores;

	ContainerSampler(Cgroups cgroups, int hostCores) {
		this.cgroups = cgroups;
		this.hostCores = hostCores;
	}

	/**
	 * Samples the cgroup when in a container.
	 * @param state the CPU usage and time of the job's previous sample
	 * @param meters the job's meters
	 * @return the container values, or empty outside a container
	 */
	Optional<Map<String, Object>> sample(State state, Meters meters) {
		if (!this.cgroups.inContainer()) {
			return Optional.empty();
		}
		return this.cgroups.read().map((cgroup) -> {
			Map<String, Object> result = new LinkedHashMap<>();
			result.put("cgroup", cgroup.version());
			putIfPresent(result, "cpuLimitCores", cgroup.cpuLimitCores(), meters, CPU_LIMIT);
			putIfPresent(result, "cpuUsageSeconds", cgroup.cpuUsageSeconds(), meters, CPU_USAGE);
			putIfPresent(result, "memoryLimitBytes", cgroup.memoryLimitBytes(), meters, MEMORY_LIMIT);
			putIfPresent(result, "memoryUsageBytes", cgroup.memoryUsageBytes(), meters, MEMORY_USAGE);
			Double usage = cpuUsage(state, cgroup);
			if (usage != null) {
				result.put("cpuUsage", usage);
			}
			return result;
		});
	}

	/**
	 * The share of the container's CPU (its quota, or every host core when it has none)
	 * used since the job's previous sample.
	 */
	private @Nullable Double cpuUsage(State state, CgroupSample cgroup) {
		long now = System.nanoTime();
		Double used = cgroup.cpuUsageSeconds();
		Double previous = state.cpuSeconds;
		long previousAt = state.sampledAt;
		state.cpuSeconds = used;
		state.sampledAt = now;
		if (used == null || previous == null || now <= previousAt) {
			return null;
		}
		double cores = (cgroup.cpuLimitCores() != null) ? cgroup.cpuLimitCores() : this.hostCores;
		return (used - previous) / ((now - previousAt) / 1e9) / cores;
	}

	private static void putIfPresent(Map<String, Object> result, String key, @Nullable Number value, Meters meters,
			Metric metric) {
		if (value != null) {
			result.put(key, value);
			meters.record(metric, value.doubleValue());
		}
	}

	/** What a job keeps from its previous container sample. */
	static final class State {

		private @Nullable Double cpuSeconds;

		private long sampledAt;

	}

}
