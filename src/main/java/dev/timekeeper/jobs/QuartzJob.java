package dev.timekeeper.jobs;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import dev.timekeeper.jobtypes.JobRun;
import dev.timekeeper.jobtypes.JobTypes;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobKey;

/**
 * What Quartz runs when a job fires: it waits out the job's jitter, then hands the job's
 * type and parameters to {@link JobTypes}. Quartz keeps these values in the job's data
 * map as strings only ({@code useProperties}), never as serialized Java objects.
 */
class QuartzJob implements Job {

	static final String TYPE = "type";

	static final String PARAMS = "params";

	static final String JITTER = "jitter";

	/**
	 * Set on the one-off trigger of {@code POST .../run}: a run by hand is not jittered.
	 */
	static final String MANUAL = "manual";

	private final JobTypes jobTypes;

	QuartzJob(JobTypes jobTypes) {
		this.jobTypes = jobTypes;
	}

	@Override
	public void execute(JobExecutionContext context) throws JobExecutionException {
		JobDataMap data = context.getMergedJobDataMap();
		try {
			if (!data.containsKey(MANUAL) && data.containsKey(JITTER)) {
				delay(Duration.parse(data.getString(JITTER)));
			}
			JobKey key = context.getJobDetail().getKey();
			this.jobTypes.run(data.getString(TYPE), data.getString(PARAMS),
					new JobRun(key.getGroup(), key.getName(), context.getScheduledFireTime().toInstant(), 1));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new JobExecutionException("interrupted", ex, false);
		}
		catch (Exception ex) {
			throw new JobExecutionException(ex, false);
		}
	}

	private static void delay(Duration jitter) throws InterruptedException {
		long millis = jitter.toMillis();
		if (millis > 0) {
			Thread.sleep(ThreadLocalRandom.current().nextLong(millis + 1));
		}
	}

	/**
	 * The same job for {@code allowConcurrent=false}: Quartz never starts a run of a job
	 * whose class carries this annotation while another run of it is in progress, on any
	 * node of a cluster.
	 */
	@org.quartz.DisallowConcurrentExecution
	static class Serial extends QuartzJob {

		Serial(JobTypes jobTypes) {
			super(jobTypes);
		}

	}

}
