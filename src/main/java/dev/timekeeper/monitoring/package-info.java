/**
 * Monitoring job types: the host's CPU, memory, network and disks sampled with OSHI (one
 * shared {@code SystemInfo}), each sample returned as the run's result and published as
 * Micrometer meters tagged with the job's group and name. Inside a container the cgroup's
 * limits and usage are published too.
 */
@NullMarked
package dev.timekeeper.monitoring;

import org.jspecify.annotations.NullMarked;
