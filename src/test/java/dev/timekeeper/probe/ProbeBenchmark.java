package dev.timekeeper.probe;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.sun.management.OperatingSystemMXBean;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The {@code http} part of {@link dev.timekeeper.monitoring.MonitoringBenchmark}: one
 * probe of a local server. The HTTP client does part of its work on threads of its own,
 * so the CPU figure is the whole process's over all the probes, divided by their number;
 * it includes the test server's share and anything else the JVM did meanwhile: an upper
 * bound.
 */
public final class ProbeBenchmark {

	private ProbeBenchmark() {
	}

	/**
	 * Measures probes of a local server and prints the figures.
	 * @param rounds how many probes to measure
	 * @throws Exception if the server cannot start
	 */
	public static void run(int rounds) throws Exception {
		JdkProbeTransport.allowHostHeader();
		OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		try (ProbeServer server = new ProbeServer()) {
			HttpJobType type = Probes.type(new SimpleMeterRegistry(), List.of("127.0.0.1/32"),
					Probes.resolver(Map.of()), Probes.jdkTransport());
			HttpJobType.Params params = Probes.params(server.url("/ok"), null, null, "good");
			for (int i = 0; i < 20; i++) {
				type.run(params, Probes.run("benchmark"));
			}
			List<Double> wall = new ArrayList<>();
			long cpu = os.getProcessCpuTime();
			for (int i = 0; i < rounds; i++) {
				long started = System.nanoTime();
				type.run(params, Probes.run("benchmark"));
				wall.add((System.nanoTime() - started) / 1e6);
			}
			double cpuPerProbe = (os.getProcessCpuTime() - cpu) / 1e6 / rounds;
			System.out.printf("http     %8.3f ms wall (%.3f), %8.3f ms CPU of the whole process per probe%n",
					wall.stream().mapToDouble(Double::doubleValue).average().orElse(0),
					wall.stream().sorted().toList().get(rounds / 2), cpuPerProbe);
		}
	}

}
