package dev.timekeeper.monitoring;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.timekeeper.jobtypes.JobRun;
import dev.timekeeper.jobtypes.JobType;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.CentralProcessor.TickType;
import oshi.hardware.GlobalMemory;
import oshi.hardware.VirtualMemory;
import oshi.software.os.OperatingSystem;

import org.springframework.stereotype.Component;

/**
 * The {@code system} type: the host's CPU usage since the job's previous sample, load
 * averages, memory, swap and uptime; inside a container also the cgroup's limits and
 * usage ({@link ContainerSampler}). Host-wide values carry the tag {@code scope="host"}.
 * <p>
 * The 1-minute load average and the CPU count are in the result but not published again:
 * Micrometer already exports them as {@code system_load_average_1m} and
 * {@code system_cpu_count}.
 */
@Component
class SystemJobType implements JobType<SystemJobType.Params> {

	static final Metric CPU_USAGE = Metric.gauge("timekeeper.system.cpu.usage", "ratio",
			"Share of the host's CPU time that was busy between this job's last two samples");

	static final Metric LOAD_5M = Metric.gauge("timekeeper.system.load.average.5m", null,
			"The host's 5-minute load average");

	static final Metric LOAD_15M = Metric.gauge("timekeeper.system.load.average.15m", null,
			"The host's 15-minute load average");

	static final Metric MEMORY_USED = Metric.gauge("timekeeper.system.memory.used", "bytes",
			"Host memory in use: total minus available");

	static final Metric MEMORY_TOTAL = Metric.gauge("timekeeper.system.memory.total", "bytes",
			"The host's physical memory");

	static final Metric SWAP_USED = Metric.gauge("timekeeper.system.swap.used", "bytes", "Host swap in use");

	static final Metric SWAP_TOTAL = Metric.gauge("timekeeper.system.swap.total", "bytes", "The host's swap space");

	static final Metric UPTIME = Metric.gauge("timekeeper.system.uptime", "seconds",
			"Time since the host booted (not the JVM: that is process_uptime_seconds)");

	private static final String[] HOST = { "scope", "host" };

	private final CentralProcessor processor;

	private final GlobalMemory memory;

	private final OperatingSystem os;

	private final ContainerSampler container;

	private final JobSeries<State> series;

	SystemJobType(SystemInfo systemInfo, Cgroups cgroups, MeterRegistry registry, Clock clock) {
		this.processor = systemInfo.getHardware().getProcessor();
		this.memory = systemInfo.getHardware().getMemory();
		this.os = systemInfo.getOperatingSystem();
		this.container = new ContainerSampler(cgroups, this.processor.getLogicalProcessorCount());
		this.series = new JobSeries<>(registry, State::new, clock);
	}

	@Override
	public String name() {
		return "system";
	}

	@Override
	public String description() {
		return "Samples the host's CPU usage (since the job's previous sample), load averages, memory, swap and "
				+ "uptime, and inside a container the cgroup's CPU and memory limits and usage.";
	}

	@Override
	public Class<Params> paramsType() {
		return Params.class;
	}

	@Override
	public Map<String, Object> run(Params params, JobRun run) throws Exception {
		return this.series.sample(run, this::sample);
	}

	@Override
	public void release(String group, String name) {
		this.series.release(group, name);
	}

	private Map<String, Object> sample(State state, Meters meters) {
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("scope", "host");
		result.put("cpu", cpu(state, meters));
		double[] load = this.processor.getSystemLoadAverage(3);
		result.put("loadAverage", Map.of("1m", load[0], "5m", load[1], "15m", load[2]));
		if (load[1] >= 0) {
			meters.record(LOAD_5M, load[1], HOST);
			meters.record(LOAD_15M, load[2], HOST);
		}
		long total = this.memory.getTotal();
		long used = total - this.memory.getAvailable();
		result.put("memory", Map.of("totalBytes", total, "usedBytes", used));
		meters.record(MEMORY_TOTAL, total, HOST);
		meters.record(MEMORY_USED, used, HOST);
		VirtualMemory swap = this.memory.getVirtualMemory();
		result.put("swap", Map.of("totalBytes", swap.getSwapTotal(), "usedBytes", swap.getSwapUsed()));
		meters.record(SWAP_TOTAL, swap.getSwapTotal(), HOST);
		meters.record(SWAP_USED, swap.getSwapUsed(), HOST);
		long uptime = this.os.getSystemUptime();
		result.put("uptimeSeconds", uptime);
		meters.record(UPTIME, uptime, HOST);
		this.container.sample(state.container, meters).ifPresent((container) -> result.put("container", container));
		return result;
	}

	/**
	 * CPU usage between the ticks kept from the job's previous sample and now; the first
	 * sample of a job has nothing to compare with and reports only the count.
	 */
	private Map<String, Object> cpu(State state, Meters meters) {
		long[] ticks = this.processor.getSystemCpuLoadTicks();
		Map<String, Object> cpu = new LinkedHashMap<>();
		cpu.put("logicalProcessors", this.processor.getLogicalProcessorCount());
		long[] previous = state.ticks;
		state.ticks = ticks;
		Double usage = (previous != null) ? usage(previous, ticks) : null;
		if (usage != null) {
			cpu.put("usage", usage);
			cpu.put("iowait", share(previous, ticks, TickType.IOWAIT));
			cpu.put("steal", share(previous, ticks, TickType.STEAL));
			meters.record(CPU_USAGE, usage, HOST);
		}
		return cpu;
	}

	private @Nullable Double usage(long[] previous, long[] ticks) {
		double usage = this.processor.getSystemCpuLoadBetweenTicks(previous, ticks);
		return (total(previous, ticks) > 0) ? usage : null;
	}

	private static double share(long[] previous, long[] ticks, TickType type) {
		long total = total(previous, ticks);
		return (total > 0) ? (double) (ticks[type.getIndex()] - previous[type.getIndex()]) / total : 0;
	}

	private static long total(long[] previous, long[] ticks) {
		long total = 0;
		for (int i = 0; i < ticks.length; i++) {
			total += ticks[i] - previous[i];
		}
		return total;
	}

	/** Parameters of the {@code system} type: it has none. */
	record Params() {

	}

	/** What a {@code system} job keeps between samples. */
	static final class State {

		private long @Nullable [] ticks;

		private final ContainerSampler.State container = new ContainerSampler.State();

	}

}
