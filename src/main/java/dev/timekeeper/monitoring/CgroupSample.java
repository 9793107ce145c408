package dev.timekeeper.monitoring;

import org.jspecify.annotations.Nullable;

/**
 * What the kernel says about the cgroup this process runs in. A value is null when the
 * cgroup sets no limit or the file that holds it cannot be read.
 *
 * @param version {@code v1} or {@code v2}
 * @param cpuLimitCores the CPU quota as a number of cores ({@code cpu.max} or
 * {@code cpu.cfs_quota_us} over the period), the tightest along the hierarchy
 * @param cpuUsageSeconds CPU time the cgroup has used since it was created
 * @param memoryLimitBytes the memory limit, the tightest along the hierarchy
 * @param memoryUsageBytes memory the cgroup uses now, page cache included, as the kernel
 * counts it against the limit
 */
record CgroupSample(String version, @Nullable Double cpuLimitCores, @Nullable Double cpuUsageSeconds,
		@Nullable Long memoryLimitBytes, @Nullable Long memoryUsageBytes) {

	boolean isEmpty() {
		return this.cpuLimitCores == null && this.cpuUsageSeconds == null && this.memoryLimitBytes == null
				&& this.memoryUsageBytes == null;
	}

}
