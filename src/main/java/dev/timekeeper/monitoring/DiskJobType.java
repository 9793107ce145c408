package dev.timekeeper.monitoring;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.timekeeper.jobtypes.JobRun;
import dev.timekeeper.jobtypes.JobType;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import oshi.SystemInfo;
import oshi.hardware.HWDiskStore;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.software.os.FileSystem;
import oshi.software.os.OSFileStore;

import org.springframework.stereotype.Component;

/**
 * The {@code disk} type: per file system its size, used, free and available space, and
 * per disk the bytes read and written since boot, as counters. Pseudo file systems
 * ({@code proc}, {@code sysfs}, {@code cgroup}, overlays other than {@code /}, and the
 * like) and mounts under {@code /dev}, {@code /proc}, {@code /run} and {@code /sys} are
 * left out by OSHI; mount points that are files (a container's bind-mounted
 * {@code /etc/hosts}) are left out here.
 */
@Component
class DiskJobType implements JobType<DiskJobType.Params> {

	static final Metric SIZE = Metric.gauge("timekeeper.disk.filesystem.size", "bytes", "Size of the file system");

	static final Metric USED = Metric.gauge("timekeeper.disk.filesystem.used", "bytes",
			"Space in use: size minus free");

	static final Metric FREE = Metric.gauge("timekeeper.disk.filesystem.free", "bytes",
			"Free space, including what is reserved for root");

	static final Metric AVAILABLE = Metric.gauge("timekeeper.disk.filesystem.available", "bytes",
			"Free space that unprivileged users may use (df's Avail)");

	static final Metric READ = Metric.counter("timekeeper.disk.read", "bytes", "Bytes read from the disk");

	static final Metric WRITTEN = Metric.counter("timekeeper.disk.written", "bytes", "Bytes written to the disk");

	private final FileSystem fileSystem;

	private final HardwareAbstractionLayer hardware;

	private final JobSeries<Object> series;

	DiskJobType(SystemInfo systemInfo, MeterRegistry registry, Clock clock) {
		this.fileSystem = systemInfo.getOperatingSystem().getFileSystem();
		this.hardware = systemInfo.getHardware();
		this.series = new JobSeries<>(registry, Object::new, clock);
	}

	@Override
	public String name() {
		return "disk";
	}

	@Override
	public String description() {
		return "Samples each file system's size, used, free and available space, and each disk's bytes read "
				+ "and written.";
	}

	@Override
	public Class<Params> paramsType() {
		return Params.class;
	}

	@Override
	public Map<String, Object> run(Params params, JobRun run) throws Exception {
		NameFilter mounts = NameFilter.of(params.mounts(), params.excludeMounts());
		NameFilter disks = NameFilter.of(params.disks(), params.excludeDisks());
		return this.series.sample(run, (unused, meters) -> {
			List<Map<String, Object>> fileSystems = new ArrayList<>();
			for (OSFileStore store : this.fileSystem.getFileStores(params.localOnly())) {
				if (mounts.matches(store.getMount()) && !params.excludeTypes().contains(store.getType())
						&& isDirectory(store.getMount())) {
					fileSystems.add(fileSystem(store, meters));
				}
			}
			List<Map<String, Object>> diskStores = new ArrayList<>();
			for (HWDiskStore disk : this.hardware.getDiskStores()) {
				if (disks.matches(disk.getName())) {
					diskStores.add(disk(disk, meters));
				}
			}
			return Map.of("fileSystems", fileSystems, "disks", diskStores);
		});
	}

	@Override
	public void release(String group, String name) {
		this.series.release(group, name);
	}

	private static Map<String, Object> fileSystem(OSFileStore store, Meters meters) {
		long size = store.getTotalSpace();
		long free = store.getFreeSpace();
		String[] tag = { "mount", store.getMount() };
		meters.record(SIZE, size, tag);
		meters.record(USED, size - free, tag);
		meters.record(FREE, free, tag);
		meters.record(AVAILABLE, store.getUsableSpace(), tag);
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("mount", store.getMount());
		result.put("volume", store.getVolume());
		result.put("type", store.getType());
		result.put("sizeBytes", size);
		result.put("usedBytes", size - free);
		result.put("freeBytes", free);
		result.put("availableBytes", store.getUsableSpace());
		return result;
	}

	private static Map<String, Object> disk(HWDiskStore disk, Meters meters) {
		String[] tag = { "disk", disk.getName() };
		meters.record(READ, disk.getReadBytes(), tag);
		meters.record(WRITTEN, disk.getWriteBytes(), tag);
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("name", disk.getName());
		result.put("readBytes", disk.getReadBytes());
		result.put("writtenBytes", disk.getWriteBytes());
		result.put("reads", disk.getReads());
		result.put("writes", disk.getWrites());
		return result;
	}

	private static boolean isDirectory(String mount) {
		try {
			return Files.isDirectory(Path.of(mount));
		}
		catch (InvalidPathException ex) {
			return false;
		}
	}

	/**
	 * Parameters of the {@code disk} type.
	 *
	 * @param mounts patterns of the mount points to sample; empty for all
	 * @param excludeMounts patterns of mount points to leave out
	 * @param excludeTypes file system types to leave out
	 * @param localOnly whether to leave out network file systems
	 * @param disks patterns of the disks to sample; empty for all
	 * @param excludeDisks patterns of disks to leave out
	 */
	record Params(@ArraySchema(arraySchema = @Schema(
			description = "Java regular expressions; a file system is sampled when its whole mount point matches one "
					+ "(empty: every one)",
			example = "[\"/\", \"/data.*\"]"),
			maxItems = 50) @Size(max = 50) List<@NotNull @RegularExpression String> mounts,
			@ArraySchema(
					arraySchema = @Schema(description = "Java regular expressions of mount points to leave out",
							example = "[\"/snap/.*\"]"),
					maxItems = 50) @Size(max = 50) List<@NotNull @RegularExpression String> excludeMounts,
			@ArraySchema(
					arraySchema = @Schema(description = "File system types to leave out, such as tmpfs",
							example = "[\"tmpfs\"]"),
					maxItems = 50) @Size(max = 50) List<@NotNull @Pattern(regexp = "[A-Za-z0-9_.+-]{1,64}",
							message = "must be a file system type such as tmpfs") String> excludeTypes,
			@Schema(description = "Whether to leave out network file systems (NFS, CIFS, ...), whose statvfs can hang",
					defaultValue = "true") Boolean localOnly,
			@ArraySchema(
					arraySchema = @Schema(
							description = "Java regular expressions; a disk is sampled when its whole name matches one "
									+ "(empty: every one)",
							example = "[\"/dev/sd.*\", \"/dev/nvme.*\"]"),
					maxItems = 50) @Size(max = 50) List<@NotNull @RegularExpression String> disks,
			@ArraySchema(
					arraySchema = @Schema(description = "Java regular expressions of disks to leave out",
							example = "[\"/dev/loop.*\"]"),
					maxItems = 50) @Size(max = 50) List<@NotNull @RegularExpression String> excludeDisks) {

		Params {
			mounts = (mounts != null) ? mounts : List.of();
			excludeMounts = (excludeMounts != null) ? excludeMounts : List.of();
			excludeTypes = (excludeTypes != null) ? excludeTypes : List.of();
			localOnly = (localOnly != null) ? localOnly : Boolean.TRUE;
			disks = (disks != null) ? disks : List.of();
			excludeDisks = (excludeDisks != null) ? excludeDisks : List.of();
		}

	}

}
