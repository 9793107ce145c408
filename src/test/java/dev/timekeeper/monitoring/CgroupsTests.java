package dev.timekeeper.monitoring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading a cgroup from files laid out as the kernel does, in a directory of the test's
 * own (this machine may not run in a container, or may have no limits).
 */
class CgroupsTests {

	@TempDir
	Path root;

	@Test
	void readsV2LimitsAndUsageOfTheProcesssOwnCgroup() throws IOException {
		write("proc/self/cgroup", "0::/kubepods/pod1/ctr\n");
		write("sys/fs/cgroup/cgroup.controllers", "cpu memory\n");
		Path own = Files.createDirectories(this.root.resolve("sys/fs/cgroup/kubepods/pod1/ctr"));
		Files.writeString(own.resolve("cpu.max"), "150000 100000\n");
		Files.writeString(own.resolve("memory.max"), "max\n");
		Files.writeString(own.resolve("memory.current"), "2048\n");
		Files.writeString(own.resolve("cpu.stat"), "usage_usec 2500000\nuser_usec 2000000\nsystem_usec 500000\n");
		// The pod's limit is tighter than the container's (none): the pod's holds.
		write("sys/fs/cgroup/kubepods/pod1/memory.max", "1073741824\n");
		CgroupSample sample = new Cgroups(this.root, Map.of()).read().orElseThrow();
		assertThat(sample).isEqualTo(new CgroupSample("v2", 1.5, 2.5, 1073741824L, 2048L));
	}

	@Test
	void v2WithoutLimitsHasNone() throws IOException {
		layOutV2(this.root, "max 100000", "max", "4096", 1_000_000);
		CgroupSample sample = new Cgroups(this.root, Map.of()).read().orElseThrow();
		assertThat(sample).isEqualTo(new CgroupSample("v2", null, 1.0, null, 4096L));
	}

	@Test
	void readsV1ControllersEachAtItsOwnPath() throws IOException {
		write("proc/self/cgroup", "12:memory:/docker/abc\n4:cpu,cpuacct:/docker/abc\n1:name=systemd:/docker/abc\n");
		write("sys/fs/cgroup/memory/docker/abc/memory.limit_in_bytes", "268435456\n");
		write("sys/fs/cgroup/memory/docker/abc/memory.usage_in_bytes", "1000\n");
		write("sys/fs/cgroup/memory/memory.limit_in_bytes", "9223372036854771712\n");
		write("sys/fs/cgroup/cpu/docker/abc/cpu.cfs_quota_us", "50000\n");
		write("sys/fs/cgroup/cpu/docker/abc/cpu.cfs_period_us", "100000\n");
		write("sys/fs/cgroup/cpuacct/docker/abc/cpuacct.usage", "3000000000\n");
		CgroupSample sample = new Cgroups(this.root, Map.of()).read().orElseThrow();
		assertThat(sample).isEqualTo(new CgroupSample("v1", 0.5, 3.0, 268435456L, 1000L));
	}

	@Test
	void v1UnlimitedValuesAreNoLimit() throws IOException {
		write("proc/self/cgroup", "4:memory:/\n1:cpu:/\n2:cpuacct:/\n");
		write("sys/fs/cgroup/memory/memory.limit_in_bytes", "9223372036854771712\n");
		write("sys/fs/cgroup/memory/memory.usage_in_bytes", "1000\n");
		write("sys/fs/cgroup/cpu/cpu.cfs_quota_us", "-1\n");
		write("sys/fs/cgroup/cpu/cpu.cfs_period_us", "100000\n");
		CgroupSample sample = new Cgroups(this.root, Map.of()).read().orElseThrow();
		assertThat(sample).isEqualTo(new CgroupSample("v1", null, null, null, 1000L));
	}

	@Test
	void aCgroupPathThatIsNotVisibleFallsBackToTheMount() throws IOException {
		// A container with its own cgroup namespace may still list the host's path.
		write("proc/self/cgroup", "0::/system.slice/docker-abc.scope\n");
		layOutV2(this.root, "100000 100000", "1000", "10", 0);
		assertThat(new Cgroups(this.root, Map.of()).read().orElseThrow().cpuLimitCores()).isEqualTo(1.0);
	}

	@Test
	void noCgroupFilesIsNothing() {
		assertThat(new Cgroups(this.root, Map.of()).read()).isEmpty();
	}

	@Test
	void detectsContainersByTheirMarks() throws IOException {
		assertThat(new Cgroups(this.root, Map.of()).inContainer()).isFalse();
		assertThat(new Cgroups(this.root, Map.of("container", "podman")).inContainer()).isTrue();
		assertThat(new Cgroups(this.root, Map.of("KUBERNETES_SERVICE_HOST", "10.0.0.1")).inContainer()).isTrue();
		write("proc/1/cgroup", "0::/\n");
		assertThat(new Cgroups(this.root, Map.of()).inContainer()).isFalse();
		write("proc/1/cgroup", "12:memory:/docker/0123abcd\n");
		assertThat(new Cgroups(this.root, Map.of()).inContainer()).isTrue();
		Files.delete(this.root.resolve("proc/1/cgroup"));
		write(".dockerenv", "");
		assertThat(new Cgroups(this.root, Map.of()).inContainer()).isTrue();
	}

	@Test
	void thisMachinesOwnCgroupIsReadWithoutError() {
		// Whatever this machine is, reading it must not fail; print it for the record.
		Cgroups cgroups = new Cgroups(Path.of("/"), System.getenv());
		System.out.println("in container: " + cgroups.inContainer() + ", cgroup: " + cgroups.read());
	}

	/**
	 * Lays out a container's view of cgroup v2: its cgroup is the mount's root.
	 */
	static void layOutV2(Path root, String cpuMax, String memoryMax, String memoryCurrent, long usageMicros)
			throws IOException {
		Path mount = Files.createDirectories(root.resolve("sys/fs/cgroup"));
		Files.writeString(mount.resolve("cgroup.controllers"), "cpu memory\n");
		Files.writeString(mount.resolve("cpu.max"), cpuMax + "\n");
		Files.writeString(mount.resolve("memory.max"), memoryMax + "\n");
		Files.writeString(mount.resolve("memory.current"), memoryCurrent + "\n");
		Files.writeString(mount.resolve("cpu.stat"), "usage_usec " + usageMicros + "\n");
		if (!Files.exists(root.resolve("proc/self/cgroup"))) {
			Files.createDirectories(root.resolve("proc/self"));
			Files.writeString(root.resolve("proc/self/cgroup"), "0::/\n");
		}
		Files.writeString(root.resolve(".dockerenv"), "");
	}

	private void write(String path, String content) throws IOException {
		Path file = this.root.resolve(path);
		Files.createDirectories(file.getParent());
		Files.writeString(file, content);
	}

}
