package dev.timekeeper.jobs;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Schedules the retry of a failed run as a one-shot Quartz trigger of the same job: it is
 * stored like any trigger (a restart does not lose it), it obeys the job's
 * {@code allowConcurrent}, and it carries the attempt number and the original fire time
 * so the retry's execution belongs to its fire.
 */
@Component
class Retries {

	private static final Logger logger = LoggerFactory.getLogger(Retries.class);

	/** What a retry's trigger name holds after the job's name. */
	static final String MARK = ".retry-";

	private final Clock clock;

	Retries(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Schedules the next attempt of a fire. A job that is paused gets its retry paused
	 * too; a job deleted in the meantime gets none.
	 * @param scheduler the scheduler that ran the failed attempt
	 * @param job the job
	 * @param retry the job's retry policy
	 * @param attempt the attempt to schedule, 2 or more
	 * @param scheduledAt the fire time the attempts answer
	 * @param endAt the job's {@code endAt}, after which nothing of it fires
	 * @return when the retry fires, or {@code null} if it does not (the job is gone, or
	 * its window closes first)
	 */
	@Nullable Instant schedule(Scheduler scheduler, JobKey job, Retry retry, int attempt, Instant scheduledAt,
			@Nullable Instant endAt) {
		Instant at = this.clock.instant().plus(retry.delayBefore(attempt));
		if (endAt != null && at.isAfter(endAt)) {
			logger.debug("No attempt {} of {}: it would fire after the job's endAt {}", attempt, job, endAt);
			return null;
		}
		Trigger trigger = TriggerBuilder.newTrigger()
			.withIdentity(job.getName() + MARK + UUID.randomUUID(), job.getGroup())
			.forJob(job)
			.usingJobData(QuartzJob.ATTEMPT, String.valueOf(attempt))
			.usingJobData(QuartzJob.FIRE_TIME, String.valueOf(scheduledAt.toEpochMilli()))
			.startAt(Date.from(at))
			.withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
			.build();
		try {
			scheduler.scheduleJob(trigger);
			TriggerKey main = new TriggerKey(job.getName(), job.getGroup());
			if (scheduler.getTriggerState(main) == Trigger.TriggerState.PAUSED) {
				scheduler.pauseTrigger(trigger.getKey());
			}
			return at;
		}
		catch (SchedulerException ex) {
			logger.warn("Could not schedule attempt {} of {}: {}", attempt, job, ex.getMessage());
			return null;
		}
	}

}
