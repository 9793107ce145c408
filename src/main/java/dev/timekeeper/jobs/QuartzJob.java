package dev.timekeeper.jobs;

import java.time.Duration;
import java.time.Instant;

import dev.timekeeper.execution.Outcome;
import dev.timekeeper.jobtypes.JobTypes;
import org.jspecify.annotations.Nullable;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.SchedulerException;

/**
 * What Quartz runs when a job fires: it reads the fire from the job's and the trigger's
 * data maps, has {@link JobRunner} run and record it, and schedules a retry when the run
 * did not succeed and the job allows another attempt. Quartz keeps these values as
 * strings only ({@code useProperties}), never as serialized Java objects.
 */
class QuartzJob implements Job {

	static final String TYPE = "type";

	static final String PARAMS = "params";

	static final String JITTER = "jitter";

	static final String TIMEOUT = "timeout";

	static final String RETRY_MAX_ATTEMPTS = "retry.maxAttempts";

	static final String RETRY_BACKOFF = "retry.backoff";

	/** The job's {@code endAt}, in epoch milliseconds: no retry fires after it. */
	static final String END_AT = "endAt";

	/** Set on a retry's trigger: which attempt it is. */
	static final String ATTEMPT = "attempt";

	/** Set on a retry's trigger: the original fire time, in epoch milliseconds. */
	static final String FIRE_TIME = "fireTime";

	/**
	 * Set on the one-off trigger of {@code POST .../run}: a run by hand is not jittered.
	 */
	static final String MANUAL = "manual";

	private final JobRunner runner;

	private final Retries retries;

	private final JobTypes jobTypes;

	QuartzJob(JobRunner runner, Retries retries, JobTypes jobTypes) {
		this.runner = runner;
		this.retries = retries;
		this.jobTypes = jobTypes;
	}

	@Override
	public void execute(JobExecutionContext context) {
		Firing firing = firing(context);
		Outcome outcome = this.runner.run(firing);
		Retry retry = firing.retry();
		if (outcome != Outcome.SUCCESS && retry != null && firing.attempt() < retry.maxAttempts()) {
			this.retries.schedule(context.getScheduler(), context.getJobDetail().getKey(), retry, firing.attempt() + 1,
					firing.scheduledAt(), firing.endAt());
		}
	}

	private Firing firing(JobExecutionContext context) {
		JobDataMap data = context.getMergedJobDataMap();
		JobKey key = context.getJobDetail().getKey();
		Instant firedFor = context.getScheduledFireTime().toInstant();
		int attempt = data.containsKey(ATTEMPT) ? Integer.parseInt(data.getString(ATTEMPT)) : 1;
		Instant scheduledAt = data.containsKey(FIRE_TIME)
				? Instant.ofEpochMilli(Long.parseLong(data.getString(FIRE_TIME))) : firedFor;
		boolean jittered = attempt == 1 && !data.containsKey(MANUAL);
		String type = data.getString(TYPE);
		Duration timeout = duration(data, TIMEOUT);
		return new Firing(key.getGroup(), key.getName(), type, data.getString(PARAMS), node(context),
				context.getFireInstanceId(), firedFor, scheduledAt, attempt, jittered ? duration(data, JITTER) : null,
				(timeout != null) ? timeout : this.jobTypes.defaultTimeout(type), retry(data),
				data.containsKey(END_AT) ? Instant.ofEpochMilli(Long.parseLong(data.getString(END_AT))) : null);
	}

	private static @Nullable Retry retry(JobDataMap data) {
		if (!data.containsKey(RETRY_MAX_ATTEMPTS)) {
			return null;
		}
		return new Retry(Integer.parseInt(data.getString(RETRY_MAX_ATTEMPTS)), duration(data, RETRY_BACKOFF));
	}

	private static @Nullable Duration duration(JobDataMap data, String key) {
		return data.containsKey(key) ? Duration.parse(data.getString(key)) : null;
	}

	private static String node(JobExecutionContext context) {
		try {
			return context.getScheduler().getSchedulerInstanceId();
		}
		catch (SchedulerException ex) {
			return "unknown";
		}
	}

	/**
	 * The same job for {@code allowConcurrent=false}: Quartz never starts a run of a job
	 * whose class carries this annotation while another run of it is in progress, on any
	 * node of a cluster.
	 */
	@org.quartz.DisallowConcurrentExecution
	static class Serial extends QuartzJob {

		Serial(JobRunner runner, Retries retries, JobTypes jobTypes) {
			super(runner, retries, jobTypes);
		}

	}

}
