package dev.timekeeper.monitoring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Makes the application believe it runs in a container with a CPU and a memory limit
 * (cgroup v2 files laid out in a directory of its own), so that the {@code system} type
 * publishes every {@code timekeeper_container_*} series wherever the tests run.
 */
public final class FakeContainer {

	/** Number of cores the fake container may use. */
	public static final int CPU_LIMIT_CORES = 2;

	/** The fake container's memory limit, 1 GiB. */
	public static final long MEMORY_LIMIT_BYTES = 1L << 30;

	private FakeContainer() {
	}

	/** Registers the fake container's cgroup in place of the real one. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Config {

		@Bean
		@Primary
		Cgroups fakeContainerCgroups() throws IOException {
			Path root = Files.createDirectories(
					Path.of("target", "test-data", "fake-container-" + ProcessHandle.current().pid()).toAbsolutePath());
			Path cgroup = Files.createDirectories(root.resolve("sys/fs/cgroup"));
			Files.writeString(cgroup.resolve("cgroup.controllers"), "cpu memory\n");
			Files.writeString(cgroup.resolve("cpu.max"), (CPU_LIMIT_CORES * 100_000) + " 100000\n");
			Files.writeString(cgroup.resolve("cpu.stat"), "usage_usec 5000000\n");
			Files.writeString(cgroup.resolve("memory.max"), MEMORY_LIMIT_BYTES + "\n");
			Files.writeString(cgroup.resolve("memory.current"), "268435456\n");
			return new Cgroups(root, Map.of("container", "docker"));
		}

	}

}
