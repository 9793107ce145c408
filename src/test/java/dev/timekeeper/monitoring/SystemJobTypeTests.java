package dev.timekeeper.monitoring;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import oshi.SystemInfo;

import static dev.timekeeper.monitoring.Samples.map;
import static dev.timekeeper.monitoring.Samples.number;
import static dev.timekeeper.monitoring.Samples.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The {@code system} type against the kernel's own figures on this machine.
 */
@EnabledOnOs(OS.LINUX)
class SystemJobTypeTests {

	private final PrometheusMeterRegistry registry = Samples.registry();

	/**
	 * A {@code SystemInfo} of each test's own: OSHI keeps readings for 300 ms, and a
	 * reading another test took just before would not be from the moment compared.
	 */
	private final SystemJobType type = new SystemJobType(new SystemInfo(),
			new Cgroups(Path.of("/nonexistent"), Map.of()), this.registry, Samples.CLOCK);

	@Test
	void memoryTotalAndUsedAreWithinOnePercentOfProcMeminfo() {
		// Memory in use moves while the test runs: read the truth on both sides of the
		// sample, and sample again if something moved a lot in between.
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			long usedBefore = GroundTruth.meminfo("MemTotal") - GroundTruth.meminfo("MemAvailable");
			Map<String, Object> memory = map(this.type.run(new SystemJobType.Params(), run("memory")).get("memory"));
			long usedAfter = GroundTruth.meminfo("MemTotal") - GroundTruth.meminfo("MemAvailable");
			System.out.printf("memory: total %d (MemTotal %d), used %d (MemTotal - MemAvailable %d .. %d)%n",
					number(memory, "totalBytes"), GroundTruth.meminfo("MemTotal"), number(memory, "usedBytes"),
					usedBefore, usedAfter);
			assertThat(number(memory, "totalBytes")).isCloseTo(GroundTruth.meminfo("MemTotal"),
					within(GroundTruth.meminfo("MemTotal") / 100));
			assertThat(number(memory, "usedBytes")).isBetween(Math.min(usedBefore, usedAfter) * 99 / 100,
					Math.max(usedBefore, usedAfter) * 101 / 100);
		});
	}

	@Test
	void firstSampleOfAJobHasNoCpuUsageBecauseThereIsNothingToCompareWith() throws Exception {
		Map<String, Object> cpu = map(this.type.run(new SystemJobType.Params(), run("first")).get("cpu"));
		assertThat(cpu).containsKey("logicalProcessors").doesNotContainKey("usage");
		assertThat(this.registry.scrape()).doesNotContain("timekeeper_system_cpu_usage_ratio");
	}

	@Test
	void cpuUsageBetweenTwoSamplesMatchesProcStatAndCountsAThreadBurningACore() throws Exception {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		AtomicBoolean burning = new AtomicBoolean(true);
		Thread burner = new Thread(() -> burn(burning), "burner");
		burner.start();
		try {
			this.type.run(new SystemJobType.Params(), run("cpu"));
			long[] ticksBefore = GroundTruth.cpuTicks();
			long burnedBefore = threads.getThreadCpuTime(burner.threadId());
			long wallBefore = System.nanoTime();
			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> threads.getThreadCpuTime(burner.threadId()) - burnedBefore >= 3_000_000_000L);
			Map<String, Object> cpu = map(this.type.run(new SystemJobType.Params(), run("cpu")).get("cpu"));
			long[] ticksAfter = GroundTruth.cpuTicks();
			double burnedShare = (double) (threads.getThreadCpuTime(burner.threadId()) - burnedBefore)
					/ (System.nanoTime() - wallBefore) / number(cpu, "logicalProcessors");
			double usage = ((Number) cpu.get("usage")).doubleValue();
			double truth = GroundTruth.cpuUsage(ticksBefore, ticksAfter);
			System.out.printf("cpu usage: job %.4f, /proc/stat %.4f, burner's share of all cores %.4f%n", usage, truth,
					burnedShare);
			assertThat(usage).isCloseTo(truth, within(0.02));
			assertThat(usage).isGreaterThanOrEqualTo(burnedShare - 0.02);
			assertThat(this.registry.scrape()).contains(
					"timekeeper_system_cpu_usage_ratio{group=\"tests\",name=\"cpu\"," + "scope=\"host\"} " + usage);
		}
		finally {
			burning.set(false);
			burner.join();
		}
	}

	@Test
	void publishesHostWideGaugesTaggedWithTheJobAndRemovesThemOnRelease() throws Exception {
		this.type.run(new SystemJobType.Params(), run("gauges"));
		assertThat(this.registry.scrape()).contains(
				"timekeeper_system_memory_total_bytes{group=\"tests\",name=\"gauges\",scope=\"host\"} "
						+ (double) GroundTruth.meminfo("MemTotal"),
				"timekeeper_system_memory_used_bytes{group=\"tests\",name=\"gauges\",scope=\"host\"}",
				"timekeeper_system_swap_total_bytes{", "timekeeper_system_uptime_seconds{",
				"timekeeper_system_load_average_15m{");
		this.type.release("tests", "gauges");
		assertThat(this.registry.scrape()).doesNotContain("name=\"gauges\"");
	}

	@Test
	void insideAContainerPublishesTheCgroupsLimitsAndUsage(@TempDir Path root) throws Exception {
		CgroupsTests.layOutV2(root, "200000 100000", "536870912", "104857600", 5_000_000);
		SystemJobType inContainer = new SystemJobType(Samples.SYSTEM_INFO, new Cgroups(root, Map.of()), this.registry,
				Samples.CLOCK);
		Map<String, Object> container = map(
				inContainer.run(new SystemJobType.Params(), run("container")).get("container"));
		assertThat(container).containsEntry("cgroup", "v2")
			.containsEntry("cpuLimitCores", 2.0)
			.containsEntry("memoryLimitBytes", 536870912L)
			.containsEntry("memoryUsageBytes", 104857600L)
			.containsEntry("cpuUsageSeconds", 5.0);
		assertThat(this.registry.scrape()).contains(
				"timekeeper_container_cpu_limit_cores{group=\"tests\",name=\"container\"} 2.0",
				"timekeeper_container_memory_limit_bytes{group=\"tests\",name=\"container\"} 5.36870912E8",
				"timekeeper_container_memory_usage_bytes{group=\"tests\",name=\"container\"} 1.048576E8",
				"timekeeper_container_cpu_usage_seconds_total{group=\"tests\",name=\"container\"} 5.0",
				"timekeeper_system_memory_total_bytes{group=\"tests\",name=\"container\",scope=\"host\"}");
	}

	private static void burn(AtomicBoolean burning) {
		long x = 0;
		while (burning.get()) {
			for (int i = 0; i < 100_000; i++) {
				x = x * 31 + i;
			}
		}
		if (x == 42) {
			System.out.println(x);
		}
	}

}
