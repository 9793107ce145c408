package dev.timekeeper.monitoring;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sun.management.ThreadMXBean;
import dev.timekeeper.jobtypes.JobRun;
import dev.timekeeper.jobtypes.JobType;
import dev.timekeeper.probe.ProbeBenchmark;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import oshi.SystemInfo;

/**
 * What one sample of each monitoring type costs, measured as a job would run: rounds of
 * {@code system}, {@code network} and {@code disk} samples a few hundred milliseconds
 * apart (so that OSHI's 300 ms caches have expired, as they have on a 1-second schedule),
 * each timed in wall time and in the CPU time of the sampling thread, with the bytes it
 * allocated. Prints the figures and the share of one core that the three types cost when
 * each runs every second. Not a test: run it with
 * {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.timekeeper.monitoring.MonitoringBenchmark}
 * (optional argument: the number of measured rounds, 60 by default).
 */
public final class MonitoringBenchmark {

	private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

	private MonitoringBenchmark() {
	}

	/**
	 * CPU time of this process's finished children ({@code cutime} and {@code cstime} of
	 * {@code /proc/self/stat}, in ticks of 10 ms), or 0 where there is no such file.
	 */
	private static long childrenCpuMillis() {
		try {
			String stat = Files.readString(Path.of("/proc/self/stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * 10;
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

	public static void main(String[] args) throws Exception {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 60;
		PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		long started = System.nanoTime();
		SystemInfo systemInfo = new SystemInfo();
		Map<String, Sampled<?>> types = new LinkedHashMap<>();
		types.put("system", new Sampled<>(
				new SystemJobType(systemInfo, new Cgroups(Path.of("/"), System.getenv()), registry, Clock.systemUTC()),
				new SystemJobType.Params()));
		types.put("network", new Sampled<>(new NetworkJobType(systemInfo, registry, Clock.systemUTC()),
				new NetworkJobType.Params(null, null)));
		types.put("disk", new Sampled<>(new DiskJobType(systemInfo, registry, Clock.systemUTC()),
				new DiskJobType.Params(null, null, null, null, null, null)));
		System.out.printf("OSHI SystemInfo and types created in %.1f ms%n", (System.nanoTime() - started) / 1e6);
		for (Map.Entry<String, Sampled<?>> type : types.entrySet()) {
			Cost first = type.getValue().sample();
			System.out.printf("first %-8s sample: %8.3f ms wall, %8.3f ms CPU%n", type.getKey(), first.wallMillis(),
					first.cpuMillis());
		}
		for (int i = 0; i < 20; i++) {
			for (Sampled<?> type : types.values()) {
				type.sample();
			}
		}
		Map<String, List<Cost>> costs = new LinkedHashMap<>();
		types.keySet().forEach((name) -> costs.put(name, new ArrayList<>()));
		for (int round = 0; round < rounds; round++) {
			Thread.sleep(350);
			for (Map.Entry<String, Sampled<?>> type : types.entrySet()) {
				costs.get(type.getKey()).add(type.getValue().sample());
			}
		}
		System.out.printf("%nper sample, mean over %d rounds (median in brackets):%n", rounds);
		double cpuPerRound = 0;
		for (Map.Entry<String, List<Cost>> entry : costs.entrySet()) {
			Cost mean = Cost.mean(entry.getValue());
			Cost median = Cost.median(entry.getValue());
			cpuPerRound += mean.cpuMillis() + mean.childMillis();
			System.out.printf(
					"%-8s %7.3f ms wall (%.3f), %7.3f ms CPU (%.3f) + %6.3f ms in child processes, "
							+ "%6.1f KiB allocated%n",
					entry.getKey(), mean.wallMillis(), median.wallMillis(), mean.cpuMillis(), median.cpuMillis(),
					mean.childMillis(), mean.allocatedBytes() / 1024.0);
		}
		System.out.printf("system + network + disk every second: %.3f ms CPU per second = %.2f%% of one core%n",
				cpuPerRound, cpuPerRound / 1000 * 100);
		ProbeBenchmark.run(rounds);
	}

	/**
	 * A type and the params it runs with.
	 */
	private record Sampled<P>(JobType<P> type, P params) {

		Cost sample() throws Exception {
			long allocated = THREADS.getCurrentThreadAllocatedBytes();
			long children = childrenCpuMillis();
			long cpu = THREADS.getCurrentThreadCpuTime();
			long wall = System.nanoTime();
			this.type.run(this.params, new JobRun("benchmark", this.type.name(), Instant.now(), 1));
			return new Cost((System.nanoTime() - wall) / 1e6, (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6,
					childrenCpuMillis() - children, THREADS.getCurrentThreadAllocatedBytes() - allocated);
		}

	}

	/**
	 * What one sample cost.
	 *
	 * @param wallMillis elapsed time
	 * @param cpuMillis CPU time of the sampling thread
	 * @param childMillis CPU time of the processes it started (OSHI runs {@code lsblk}
	 * for file system labels), in 10 ms ticks: meaningful only as a mean
	 * @param allocatedBytes bytes the sampling thread allocated
	 */
	record Cost(double wallMillis, double cpuMillis, double childMillis, double allocatedBytes) {

		static Cost mean(List<Cost> costs) {
			return new Cost(costs.stream().mapToDouble(Cost::wallMillis).average().orElse(0),
					costs.stream().mapToDouble(Cost::cpuMillis).average().orElse(0),
					costs.stream().mapToDouble(Cost::childMillis).average().orElse(0),
					costs.stream().mapToDouble(Cost::allocatedBytes).average().orElse(0));
		}

		static Cost median(List<Cost> costs) {
			return new Cost(median(costs.stream().mapToDouble(Cost::wallMillis).sorted().toArray()),
					median(costs.stream().mapToDouble(Cost::cpuMillis).sorted().toArray()),
					median(costs.stream().mapToDouble(Cost::childMillis).sorted().toArray()),
					median(costs.stream().mapToDouble(Cost::allocatedBytes).sorted().toArray()));
		}

		private static double median(double[] sorted) {
			return (sorted.length == 0) ? 0 : sorted[sorted.length / 2];
		}

	}

}
