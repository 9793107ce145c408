package dev.timekeeper.jobs;

import dev.timekeeper.support.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.quartz.autoconfigure.QuartzProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduler runs on Timekeeper's job store and acquires triggers in batches without
 * firing any early.
 */
class QuartzSettingsTests extends ApiTestSupport {

	@Autowired
	private Scheduler scheduler;

	@Autowired
	private QuartzProperties quartzProperties;

	@Test
	void schedulerRunsOnTimekeepersJobStore() throws SchedulerException {
		assertThat(this.scheduler.getMetaData().getJobStoreClass()).isEqualTo(TimekeeperJobStore.class);
		assertThat(this.scheduler.getMetaData().isJobStoreSupportsPersistence()).isTrue();
	}

	@Test
	void triggersAreAcquiredInBatchesWithoutAFireAheadWindow() {
		assertThat(this.quartzProperties.getProperties())
			.containsEntry("org.quartz.scheduler.batchTriggerAcquisitionMaxCount", "10")
			.doesNotContainKey("org.quartz.scheduler.batchTriggerAcquisitionFireAheadTimeWindow");
	}

}
