package dev.timekeeper.monitoring;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.timekeeper.TimekeeperApplication;
import dev.timekeeper.jobs.JobCommands;
import dev.timekeeper.jobs.JobId;
import dev.timekeeper.jobs.JobQueries;
import dev.timekeeper.jobs.IntervalSchedule;
import dev.timekeeper.jobs.JobView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.PageRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The monitoring jobs of a first start: created when the store holds no job, never again
 * once it holds any, not at all when switched off, and once each when instances starting
 * together race to create them.
 */
class DefaultMonitoringJobsTests {

	@TempDir
	Path directory;

	private ConfigurableApplicationContext context;

	@AfterEach
	void stop() {
		if (this.context != null) {
			this.context.close();
			this.context = null;
		}
	}

	@Test
	void aFirstStartCreatesTheMonitoringJobsAndALaterStartLeavesTheStoreAsItFindsIt() {
		start(true);
		assertThat(jobs()).extracting(JobView::group, JobView::name, JobView::type)
			.containsExactlyInAnyOrder(tuple("monitoring", "system", "system"),
					tuple("monitoring", "network", "network"), tuple("monitoring", "disk", "disk"));
		assertThat(jobs()).extracting((job) -> ((IntervalSchedule) job.schedule()).every().toMillis())
			.containsExactlyInAnyOrder(3_000L, 1_000L, 60_000L);

		commands().delete(new JobId("monitoring", "network"));
		stop();
		start(true);
		assertThat(jobs()).extracting(JobView::name).containsExactlyInAnyOrder("system", "disk");
	}

	@Test
	void switchedOffAFirstStartCreatesNothing() {
		start(false);
		assertThat(jobs()).isEmpty();
		DefaultMonitoringJobs defaults = this.context.getBean(DefaultMonitoringJobs.class);
		assertThat(defaults.createOnFirstStart()).isEmpty();
		assertThat(jobs()).isEmpty();
	}

	@Test
	void instancesStartingTogetherCreateEachJobOnce() throws Exception {
		start(false);
		DefaultMonitoringJobs first = new DefaultMonitoringJobs(commands(), queries(), new DefaultJobsProperties(true));
		DefaultMonitoringJobs second = new DefaultMonitoringJobs(commands(), queries(),
				new DefaultJobsProperties(true));
		CyclicBarrier together = new CyclicBarrier(2);
		ExecutorService executor = Executors.newFixedThreadPool(2);
		try {
			List<Future<List<JobId>>> created = new ArrayList<>();
			for (DefaultMonitoringJobs instance : List.of(first, second)) {
				Callable<List<JobId>> start = () -> {
					together.await();
					return instance.createOnFirstStart();
				};
				created.add(executor.submit(start));
			}
			List<JobId> all = new ArrayList<>(created.get(0).get());
			all.addAll(created.get(1).get());
			assertThat(all).containsExactlyInAnyOrder(new JobId("monitoring", "system"),
					new JobId("monitoring", "network"), new JobId("monitoring", "disk"));
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(jobs()).hasSize(3);
	}

	private void start(boolean defaultJobs) {
		String url = "jdbc:h2:file:" + this.directory.resolve("timekeeper").toAbsolutePath()
				+ ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000";
		this.context = new SpringApplicationBuilder(TimekeeperApplication.class).run("--server.port=0",
				"--spring.profiles.active=testusers", "--spring.datasource.url=" + url,
				"--spring.quartz.scheduler-name=timekeeper-default-jobs-tests",
				"--timekeeper.scheduler.shutdown-timeout=PT1S", "--timekeeper.default-jobs.enabled=" + defaultJobs);
	}

	private List<JobView> jobs() {
		return queries().list(null, null, null, PageRequest.of(0, 100)).getContent();
	}

	private JobQueries queries() {
		return this.context.getBean(JobQueries.class);
	}

	private JobCommands commands() {
		return this.context.getBean(JobCommands.class);
	}

}
