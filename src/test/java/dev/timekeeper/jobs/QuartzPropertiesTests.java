package dev.timekeeper.jobs;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Quartz properties Timekeeper adds to the configured ones: its job store and
 * delegate unless others are configured, and the job store's signal horizon, which must
 * be Quartz's idle wait (a shorter horizon could leave a new trigger unnoticed past its
 * fire time, for as long as the scheduler thread sleeps), and its fire lead.
 */
class QuartzPropertiesTests {

	private static final ClusterProperties SINGLE = new ClusterProperties(false, Duration.ofSeconds(7));

	@Test
	void timekeepersJobStoreSignalsChangesWithinQuartzsIdleWait() {
		Properties properties = QuartzConfiguration.properties(Map.of(), "H2", SINGLE);
		assertThat(properties).containsEntry(QuartzConfiguration.JOB_STORE, TimekeeperJobStore.class.getName())
			.containsEntry(QuartzConfiguration.SIGNAL_HORIZON, "30000")
			.containsEntry(QuartzConfiguration.FIRE_LEAD, "25")
			.containsEntry(QuartzConfiguration.DELEGATE, TimekeeperDelegates.Standard.class.getName());
	}

	@Test
	void aConfiguredIdleWaitIsTheSignalHorizon() {
		Properties properties = QuartzConfiguration.properties(Map.of(QuartzConfiguration.IDLE_WAIT_TIME, "5000"),
				"PostgreSQL", SINGLE);
		assertThat(properties).containsEntry(QuartzConfiguration.SIGNAL_HORIZON, "5000")
			.containsEntry(QuartzConfiguration.DELEGATE, TimekeeperDelegates.PostgreSql.class.getName());
	}

	@Test
	void aConfiguredJobStoreGetsNoPropertyItDoesNotHave() {
		Properties properties = QuartzConfiguration.properties(
				Map.of(QuartzConfiguration.JOB_STORE, "org.springframework.scheduling.quartz.LocalDataSourceJobStore"),
				"H2", SINGLE);
		assertThat(properties).doesNotContainKey(QuartzConfiguration.SIGNAL_HORIZON)
			.doesNotContainKey(QuartzConfiguration.FIRE_LEAD);
	}

}
