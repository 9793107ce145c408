package dev.timekeeper.jobs;

import java.util.Date;

import dev.timekeeper.support.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerBuilder;
import org.quartz.spi.OperableTrigger;
import org.quartz.spi.TriggerFiredBundle;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.quartz.autoconfigure.QuartzProperties;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduler runs on Timekeeper's job store and thread pool, and acquires triggers in
 * batches.
 */
class QuartzSettingsTests extends ApiTestSupport {

	@Autowired
	private Scheduler scheduler;

	@Autowired
	private QuartzProperties quartzProperties;

	@Autowired
	private ApplicationContext context;

	@Test
	void schedulerRunsOnTimekeepersJobStore() throws SchedulerException {
		assertThat(this.scheduler.getMetaData().getJobStoreClass()).isEqualTo(TimekeeperJobStore.class);
		assertThat(this.scheduler.getMetaData().isJobStoreSupportsPersistence()).isTrue();
	}

	@Test
	void runsGoToTimekeepersThreadPool() throws SchedulerException {
		assertThat(this.scheduler.getMetaData().getThreadPoolClass()).isEqualTo(RunThreads.class);
		assertThat(this.scheduler.getMetaData().getThreadPoolSize()).isEqualTo(200);
	}

	@Test
	void timekeepersJobsAreOneSharedInstancePerClassAndOtherJobsNewEachFire() throws Exception {
		SharedJobFactory factory = new SharedJobFactory();
		factory.setApplicationContext(this.context);
		Job concurrent = factory.newJob(bundle(QuartzJob.class), this.scheduler);
		Job serial = factory.newJob(bundle(QuartzJob.Serial.class), this.scheduler);
		assertThat(concurrent).isExactlyInstanceOf(QuartzJob.class)
			.isSameAs(factory.newJob(bundle(QuartzJob.class), this.scheduler));
		assertThat(serial).isExactlyInstanceOf(QuartzJob.Serial.class)
			.isSameAs(factory.newJob(bundle(QuartzJob.Serial.class), this.scheduler));
		assertThat(factory.newJob(bundle(OtherJob.class), this.scheduler)).isExactlyInstanceOf(OtherJob.class)
			.isNotSameAs(factory.newJob(bundle(OtherJob.class), this.scheduler));
	}

	private static TriggerFiredBundle bundle(Class<? extends Job> jobClass) {
		JobDetail job = JobBuilder.newJob(jobClass).withIdentity("shared", "tests").build();
		OperableTrigger trigger = (OperableTrigger) TriggerBuilder.newTrigger().forJob(job).startNow().build();
		return new TriggerFiredBundle(job, trigger, null, false, new Date(), new Date(), null, null);
	}

	@Test
	void triggersAreAcquiredInBatchesWithinAShortFireAheadWindow() {
		assertThat(this.quartzProperties.getProperties())
			.containsEntry("org.quartz.scheduler.batchTriggerAcquisitionMaxCount", "200")
			.containsEntry("org.quartz.scheduler.batchTriggerAcquisitionFireAheadTimeWindow", "50");
	}

	/** A job class of someone else's: Spring's factory makes one per fire. */
	public static class OtherJob implements Job {

		@Override
		public void execute(JobExecutionContext context) {
		}

	}

}
