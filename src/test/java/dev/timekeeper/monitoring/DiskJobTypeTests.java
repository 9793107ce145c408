package dev.timekeeper.monitoring;

import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static dev.timekeeper.monitoring.Samples.list;
import static dev.timekeeper.monitoring.Samples.number;
import static dev.timekeeper.monitoring.Samples.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The {@code disk} type against {@code statvfs} (through the JDK's {@link FileStore}) and
 * the kernel's mount table.
 */
@EnabledOnOs(OS.LINUX)
class DiskJobTypeTests {

	private final PrometheusMeterRegistry registry = Samples.registry();

	private final DiskJobType type = new DiskJobType(Samples.SYSTEM_INFO, this.registry, Samples.CLOCK);

	private final DiskJobType.Params defaults = new DiskJobType.Params(null, null, null, null, null, null);

	@Test
	void eachFileSystemsSizeIsWithinOnePercentOfStatvfs() throws Exception {
		List<Map<String, Object>> fileSystems = list(this.type.run(this.defaults, run("sizes")).get("fileSystems"));
		assertThat(fileSystems).extracting((fs) -> fs.get("mount")).contains("/");
		for (Map<String, Object> fs : fileSystems) {
			FileStore store = Files.getFileStore(Path.of((String) fs.get("mount")));
			System.out.printf("%s: size %d, statvfs %d%n", fs.get("mount"), number(fs, "sizeBytes"),
					store.getTotalSpace());
			assertThat(number(fs, "sizeBytes")).as("size of %s", fs.get("mount"))
				.isCloseTo(store.getTotalSpace(), within(store.getTotalSpace() / 100));
			assertThat(number(fs, "usedBytes") + number(fs, "freeBytes")).isEqualTo(number(fs, "sizeBytes"));
		}
	}

	@Test
	void pseudoFileSystemsAreLeftOutByDefault() throws Exception {
		List<String> pseudo = Files.readAllLines(Path.of("/proc/self/mounts"))
			.stream()
			.map((line) -> line.split(" "))
			.filter((fields) -> List.of("proc", "sysfs", "cgroup", "cgroup2", "devtmpfs", "devpts", "mqueue")
				.contains(fields[2]))
			.map((fields) -> fields[1])
			.toList();
		assertThat(pseudo).as("this machine mounts pseudo file systems").isNotEmpty();
		assertThat(list(this.type.run(this.defaults, run("pseudo")).get("fileSystems")))
			.extracting((fs) -> fs.get("mount"))
			.doesNotContainAnyElementsOf(pseudo);
	}

	@Test
	void mountAndTypeFiltersChooseTheFileSystems() throws Exception {
		DiskJobType.Params rootOnly = new DiskJobType.Params(List.of("/"), null, null, null, List.of("none"), null);
		Map<String, Object> result = this.type.run(rootOnly, run("root"));
		assertThat(list(result.get("fileSystems"))).extracting((fs) -> fs.get("mount")).containsExactly("/");
		assertThat(list(result.get("disks"))).isEmpty();
		String rootType = (String) list(result.get("fileSystems")).get(0).get("type");
		DiskJobType.Params withoutRootType = new DiskJobType.Params(List.of("/"), null, List.of(rootType), null, null,
				null);
		assertThat(list(this.type.run(withoutRootType, run("typed")).get("fileSystems"))).isEmpty();
	}

	@Test
	void publishesFileSystemGaugesAndDiskCounters() throws Exception {
		Map<String, Object> result = this.type.run(this.defaults, run("meters"));
		String scrape = this.registry.scrape();
		assertThat(scrape).contains(
				"timekeeper_disk_filesystem_size_bytes{group=\"tests\",mount=\"/\",name=\"meters\"}",
				"timekeeper_disk_filesystem_used_bytes{group=\"tests\",mount=\"/\",name=\"meters\"}",
				"timekeeper_disk_filesystem_free_bytes{group=\"tests\",mount=\"/\",name=\"meters\"}",
				"timekeeper_disk_filesystem_available_bytes{group=\"tests\",mount=\"/\",name=\"meters\"}");
		for (Map<String, Object> disk : list(result.get("disks"))) {
			assertThat(scrape).contains("timekeeper_disk_read_bytes_total{disk=\"" + disk.get("name")
					+ "\",group=\"tests\",name=\"meters\"} " + (double) number(disk, "readBytes"));
			assertThat(scrape).contains("timekeeper_disk_written_bytes_total{disk=\"" + disk.get("name") + "\"");
		}
	}

}
