package dev.timekeeper.monitoring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Finds out whether this process runs in a container and reads its cgroup's CPU and
 * memory limits and usage, from cgroup v2 (the unified hierarchy) or else v1. Every path
 * is taken under a root ({@code /} in production) so that tests can lay out the files in
 * a directory of their own.
 * <p>
 * The process's own cgroup comes from {@code /proc/self/cgroup}; when that path is not
 * visible under the mount (a container with its own cgroup namespace sees its cgroup as
 * the root) the mount itself is read. A limit is the tightest one set on the cgroup or
 * any parent up to the mount.
 */
final class Cgroups {

	/**
	 * v1 writes "no limit" as the largest page-aligned long; anything this big is none.
	 */
	private static final long V1_UNLIMITED = 1L << 62;

	private static final List<String> CONTAINER_CGROUP_MARKS = List.of("docker", "kubepods", "containerd", "libpod",
			"lxc", "crio");

	private final Path root;

	private final boolean inContainer;

	/**
	 * Reads below a root.
	 * @param root the file system root ({@code /} in production)
	 * @param environment the process environment, for container runtimes that mark it
	 */
	Cgroups(Path root, Map<String, String> environment) {
		this.root = root;
		this.inContainer = detectContainer(environment);
	}

	/**
	 * Whether this process runs in a container: Docker's {@code /.dockerenv}, Podman's
	 * {@code /run/.containerenv}, a {@code container} or Kubernetes environment variable,
	 * or a container runtime's name in the cgroup path of process 1.
	 * @return true inside a container
	 */
	boolean inContainer() {
		return this.inContainer;
	}

	/**
	 * Reads the process's cgroup.
	 * @return its limits and usage, or empty when no cgroup file could be read
	 */
	Optional<CgroupSample> read() {
		Path mount = this.root.resolve("sys/fs/cgroup");
		CgroupSample sample = Files.exists(mount.resolve("cgroup.controllers")) ? readV2(mount) : readV1(mount);
		return sample.isEmpty() ? Optional.empty() : Optional.of(sample);
	}

	private CgroupSample readV2(Path mount) {
		Path dir = ownDirectory(mount, "");
		Double cpuLimit = tightest(mount, dir, (path) -> cpuMax(read(path.resolve("cpu.max"))));
		Long memoryLimit = tightest(mount, dir, (path) -> bytesOrMax(read(path.resolve("memory.max"))));
		Long usageMicros = statValue(read(dir.resolve("cpu.stat")), "usage_usec");
		return new CgroupSample("v2", cpuLimit, (usageMicros != null) ? usageMicros / 1e6 : null, memoryLimit,
				parseLong(read(dir.resolve("memory.current"))));
	}

	private CgroupSample readV1(Path mount) {
		Path cpu = ownDirectory(mount.resolve("cpu"), "cpu");
		Path cpuacct = ownDirectory(mount.resolve("cpuacct"), "cpuacct");
		Path memory = ownDirectory(mount.resolve("memory"), "memory");
		Double cpuLimit = tightest(mount.resolve("cpu"), cpu,
				(path) -> cfsQuota(parseLong(read(path.resolve("cpu.cfs_quota_us"))),
						parseLong(read(path.resolve("cpu.cfs_period_us")))));
		Long memoryLimit = tightest(mount.resolve("memory"), memory, (path) -> {
			Long limit = parseLong(read(path.resolve("memory.limit_in_bytes")));
			return (limit != null && limit < V1_UNLIMITED) ? limit : null;
		});
		Long usageNanos = parseLong(read(cpuacct.resolve("cpuacct.usage")));
		return new CgroupSample("v1", cpuLimit, (usageNanos != null) ? usageNanos / 1e9 : null, memoryLimit,
				parseLong(read(memory.resolve("memory.usage_in_bytes"))));
	}

	/**
	 * The process's cgroup directory under a mount, from {@code /proc/self/cgroup}: the
	 * line whose controllers include the one asked for (v2's line has none: the empty
	 * string).
	 */
	private Path ownDirectory(Path mount, String controller) {
		String cgroups = read(this.root.resolve("proc/self/cgroup"));
		if (cgroups == null) {
			return mount;
		}
		for (String line : cgroups.split("\n")) {
			String[] fields = line.split(":", 3);
			if (fields.length == 3 && List.of(fields[1].split(",")).contains(controller)) {
				Path own = mount.resolve(fields[2].replaceFirst("^/+", "")).normalize();
				return (own.startsWith(mount) && Files.isDirectory(own)) ? own : mount;
			}
		}
		return mount;
	}

	private static <T extends Comparable<T>> @Nullable T tightest(Path mount, Path dir,
			Function<Path, @Nullable T> limit) {
		T tightest = null;
		for (Path path = dir; path != null && path.startsWith(mount); path = path.getParent()) {
			T value = limit.apply(path);
			if (value != null && (tightest == null || value.compareTo(tightest) < 0)) {
				tightest = value;
			}
		}
		return tightest;
	}

	private boolean detectContainer(Map<String, String> environment) {
		if (Files.exists(this.root.resolve(".dockerenv")) || Files.exists(this.root.resolve("run/.containerenv"))
				|| environment.containsKey("container") || environment.containsKey("KUBERNETES_SERVICE_HOST")) {
			return true;
		}
		String init = read(this.root.resolve("proc/1/cgroup"));
		return init != null && CONTAINER_CGROUP_MARKS.stream().anyMatch(init::contains);
	}

	static @Nullable Double cpuMax(@Nullable String cpuMax) {
		if (cpuMax == null) {
			return null;
		}
		String[] fields = cpuMax.trim().split("\\s+");
		Long quota = parseLong(fields[0]);
		Long period = (fields.length > 1) ? parseLong(fields[1]) : Long.valueOf(100_000);
		return cfsQuota(quota, period);
	}

	private static @Nullable Double cfsQuota(@Nullable Long quota, @Nullable Long period) {
		return (quota != null && quota > 0 && period != null && period > 0) ? (double) quota / period : null;
	}

	private static @Nullable Long bytesOrMax(@Nullable String value) {
		return (value == null || value.trim().equals("max")) ? null : parseLong(value);
	}

	private static @Nullable Long statValue(@Nullable String stat, String key) {
		if (stat != null) {
			for (String line : stat.split("\n")) {
				String[] fields = line.trim().split("\\s+");
				if (fields.length == 2 && fields[0].equals(key)) {
					return parseLong(fields[1]);
				}
			}
		}
		return null;
	}

	private static @Nullable Long parseLong(@Nullable String value) {
		if (value == null) {
			return null;
		}
		try {
			return Long.parseLong(value.trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static @Nullable String read(Path file) {
		try {
			return Files.isRegularFile(file) ? Files.readString(file) : null;
		}
		catch (IOException ex) {
			return null;
		}
	}

}
