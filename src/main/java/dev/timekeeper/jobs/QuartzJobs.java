package dev.timekeeper.jobs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The one place that writes to Quartz: a job's detail and trigger, pausing, resuming and
 * firing by hand. Called inside the REST layer's transactions, so Quartz's rows and the
 * job definition commit or roll back together.
 */
@Component
class QuartzJobs {

	private final Scheduler scheduler;

	private final Triggers triggers;

	private final JsonMapper jsonMapper;

	QuartzJobs(Scheduler scheduler, Triggers triggers, JsonMapper jsonMapper) {
		this.scheduler = scheduler;
		this.triggers = triggers;
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Stores a job and its trigger; a replaced job that was paused stays paused.
	 * <p>
	 * A replaced trigger is deleted and stored anew ({@code rescheduleJob}) rather than
	 * updated in place: Quartz's in-place update keeps the old kind's row (simple or
	 * cron) and breaks a job whose schedule changes kind.
	 * @param spec the job
	 * @param replace whether an existing job of that key is replaced
	 */
	void schedule(JobSpec spec, boolean replace) {
		Trigger trigger = this.triggers.build(spec);
		try {
			if (!replace) {
				this.scheduler.scheduleJob(jobDetail(spec), Set.of(trigger), false);
				return;
			}
			boolean paused = isPaused(spec.id());
			dropRetries(spec.id());
			this.scheduler.addJob(jobDetail(spec), true);
			if (this.scheduler.checkExists(trigger.getKey())) {
				this.scheduler.rescheduleJob(trigger.getKey(), trigger);
			}
			else {
				this.scheduler.scheduleJob(trigger);
			}
			if (paused) {
				this.scheduler.pauseJob(jobKey(spec.id()));
			}
		}
		catch (ObjectAlreadyExistsException ex) {
			throw JobAlreadyExistsException.forId(spec.id());
		}
		catch (SchedulerException ex) {
			throw new SchedulingFailedException(ex);
		}
	}

	/**
	 * Stores new jobs with their triggers in one call, on the caller's transaction; the
	 * scheduler thread is told once, when it commits.
	 * @param jobs each new job with its trigger, as {@link Triggers} built it
	 */
	void scheduleNew(Map<JobSpec, ? extends Trigger> jobs) {
		Map<JobDetail, Set<? extends Trigger>> details = new LinkedHashMap<>();
		jobs.forEach((spec, trigger) -> details.put(jobDetail(spec), Set.of(trigger)));
		try {
			this.scheduler.scheduleJobs(details, false);
		}
		catch (ObjectAlreadyExistsException ex) {
			throw JobAlreadyExistsException.createdMeanwhile();
		}
		catch (SchedulerException ex) {
			throw new SchedulingFailedException(ex);
		}
	}

	/**
	 * Deletes a job with its triggers. Quartz's {@code deleteJob} lists the triggers,
	 * then unschedules them one by one and fails when one is gone in between, as a run by
	 * hand or a retry is when it fires and completes meanwhile; {@code deleteJobs}
	 * removes the job and whatever triggers it has in one step under the trigger lock.
	 * @param id the job
	 * @return whether it existed
	 */
	boolean delete(JobId id) {
		return call(() -> this.scheduler.deleteJobs(List.of(jobKey(id))));
	}

	void pause(JobId id) {
		call(() -> {
			this.scheduler.pauseJob(jobKey(id));
			return null;
		});
	}

	void resume(JobId id) {
		call(() -> {
			this.scheduler.resumeJob(jobKey(id));
			return null;
		});
	}

	void runNow(JobId id) {
		call(() -> {
			this.scheduler.triggerJob(jobKey(id), new JobDataMap(Map.of(QuartzJob.MANUAL, "true")));
			return null;
		});
	}

	void pauseGroup(String group) {
		call(() -> {
			this.scheduler.pauseJobs(GroupMatcher.jobGroupEquals(group));
			return null;
		});
	}

	void resumeGroup(String group) {
		call(() -> {
			this.scheduler.resumeJobs(GroupMatcher.jobGroupEquals(group));
			return null;
		});
	}

	/** A replaced job's pending retries belong to its old definition: they go with it. */
	private void dropRetries(JobId id) throws SchedulerException {
		for (Trigger trigger : this.scheduler.getTriggersOfJob(jobKey(id))) {
			if (trigger.getKey().getName().startsWith(id.name() + Retries.MARK)) {
				this.scheduler.unscheduleJob(trigger.getKey());
			}
		}
	}

	private boolean isPaused(JobId id) throws SchedulerException {
		return this.scheduler.getTriggerState(new TriggerKey(id.name(), id.group())) == Trigger.TriggerState.PAUSED;
	}

	private JobDetail jobDetail(JobSpec spec) {
		JobDataMap data = new JobDataMap();
		data.put(QuartzJob.TYPE, spec.type());
		data.put(QuartzJob.PARAMS, this.jsonMapper.writeValueAsString(spec.params()));
		if (spec.jitter() != null && spec.jitter().isPositive()) {
			data.put(QuartzJob.JITTER, spec.jitter().toString());
		}
		if (spec.timeout() != null) {
			data.put(QuartzJob.TIMEOUT, spec.timeout().toString());
		}
		if (spec.endAt() != null) {
			data.put(QuartzJob.END_AT, String.valueOf(spec.endAt().toEpochMilli()));
		}
		if (spec.retry() != null && spec.retry().maxAttempts() > 1) {
			data.put(QuartzJob.RETRY_MAX_ATTEMPTS, spec.retry().maxAttempts().toString());
			data.put(QuartzJob.RETRY_BACKOFF, spec.retry().backoff().toString());
		}
		return JobBuilder.newJob(spec.allowConcurrent() ? QuartzJob.class : QuartzJob.Serial.class)
			.withIdentity(jobKey(spec.id()))
			.usingJobData(data)
			.storeDurably()
			// a run cut short by its node's death is run again by another node
			.requestRecovery()
			.build();
	}

	private static JobKey jobKey(JobId id) {
		return new JobKey(id.name(), id.group());
	}

	private static <T> T call(QuartzCall<T> call) {
		try {
			return call.call();
		}
		catch (SchedulerException ex) {
			throw new SchedulingFailedException(ex);
		}
	}

	@FunctionalInterface
	private interface QuartzCall<T> {

		T call() throws SchedulerException;

	}

}
