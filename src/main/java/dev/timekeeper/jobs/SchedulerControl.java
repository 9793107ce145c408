package dev.timekeeper.jobs;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SchedulerMetaData;

import org.springframework.stereotype.Service;

/**
 * The scheduler as a whole: what it is and whether it fires, and putting it into standby
 * and back.
 */
@Service
public class SchedulerControl {

	private final Scheduler scheduler;

	private final ClusterNodes nodes;

	SchedulerControl(Scheduler scheduler, ClusterNodes nodes) {
		this.scheduler = scheduler;
		this.nodes = nodes;
	}

	public SchedulerStatus status() {
		try {
			SchedulerMetaData meta = this.scheduler.getMetaData();
			SchedulerState state = meta.isShutdown() ? SchedulerState.SHUTDOWN
					: meta.isInStandbyMode() ? SchedulerState.STANDBY : SchedulerState.STARTED;
			return new SchedulerStatus(meta.getSchedulerName(), meta.getSchedulerInstanceId(), state,
					meta.isJobStoreClustered(), meta.getThreadPoolSize(),
					this.scheduler.getCurrentlyExecutingJobs().size(), meta.getNumberOfJobsExecuted(),
					(meta.getRunningSince() != null) ? meta.getRunningSince().toInstant() : null, meta.getVersion(),
					meta.isJobStoreClustered() ? this.nodes.nodes() : List.of());
		}
		catch (SchedulerException ex) {
			throw new SchedulingFailedException(ex);
		}
	}

	/**
	 * Stops firing on this instance until {@link #start()}; runs in progress go on.
	 * @return the status after
	 */
	public SchedulerStatus standby() {
		try {
			this.scheduler.standby();
		}
		catch (SchedulerException ex) {
			throw new SchedulingFailedException(ex);
		}
		return status();
	}

	/**
	 * Starts firing again; fires missed meanwhile follow each job's misfire policy.
	 * @return the status after
	 */
	public SchedulerStatus start() {
		try {
			this.scheduler.start();
		}
		catch (SchedulerException ex) {
			throw new SchedulingFailedException(ex);
		}
		return status();
	}

	/** Whether the scheduler fires. */
	public enum SchedulerState {

		/** Firing jobs. */
		STARTED,

		/** Not firing (paused); runs in progress go on. */
		STANDBY,

		/** Stopped for good, as the application shuts down. */
		SHUTDOWN

	}

	/**
	 * The scheduler on this instance.
	 *
	 * @param name the scheduler's name, shared by a cluster
	 * @param instanceId this instance's id within the cluster
	 * @param state whether it fires
	 * @param clustered whether it shares its jobs with other instances
	 * @param threadPoolSize how many runs it can have at once
	 * @param runningJobs how many runs are in progress on this instance
	 * @param jobsExecuted how many runs this instance has started since it started
	 * @param runningSince when this instance's scheduler started
	 * @param quartzVersion the Quartz version
	 * @param nodes the cluster's instances and their last check-in (empty when not
	 * clustered)
	 */
	@Schema(description = "The scheduler on this instance")
	public record SchedulerStatus(String name, String instanceId, SchedulerState state, boolean clustered,
			int threadPoolSize, int runningJobs, int jobsExecuted, @Nullable Instant runningSince, String quartzVersion,
			List<ClusterNodes.Node> nodes) {

	}

}
