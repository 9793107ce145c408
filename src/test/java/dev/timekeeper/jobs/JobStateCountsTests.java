package dev.timekeeper.jobs;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import dev.timekeeper.jobs.JobViews.JobFilter;
import dev.timekeeper.support.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The counts of jobs by state that the metrics publish, and the totals of a listed page,
 * come from queries of their own, and agree with the states the API shows.
 */
class JobStateCountsTests extends ApiTestSupport {

	@Autowired
	private JobViews views;

	@Autowired
	private JobStateCounts counts;

	@Autowired
	private Scheduler scheduler;

	@Test
	void countsByStateAgreeWithTheStatesOfTheListedJobs() throws SchedulerException {
		create("normal", """
				{"kind": "interval", "every": "PT1H"}""");
		create("paused", """
				{"kind": "interval", "every": "PT1H"}""");
		assertThat(this.api.post("/api/v1/jobs/counted/paused/pause").status()).isEqualTo(200);
		create("complete", """
				{"kind": "once", "after": "PT1S"}""");
		await().atMost(Duration.ofSeconds(15))
			.until(() -> "COMPLETE"
				.equals(this.api.get("/api/v1/jobs/counted/complete").json().path("state").asString()));
		// running: a one-shot job whose trigger went as it fired, and a run by hand of a
		// job whose schedule waits
		create("running-once", """
				{"kind": "once", "after": "PT1S"}""", """
				{"duration": "PT20S"}""");
		create("running-by-hand", """
				{"kind": "interval", "every": "PT1H"}""", """
				{"duration": "PT20S"}""");
		assertThat(this.api.post("/api/v1/jobs/counted/running-by-hand/run").status()).isEqualTo(202);
		// paused and running by hand: paused
		create("paused-by-hand", """
				{"kind": "interval", "every": "PT1H"}""", """
				{"duration": "PT20S"}""");
		assertThat(this.api.post("/api/v1/jobs/counted/paused-by-hand/pause").status()).isEqualTo(200);
		assertThat(this.api.post("/api/v1/jobs/counted/paused-by-hand/run").status()).isEqualTo(202);
		// a one-shot job whose trigger went, with a retry waiting: not complete
		createRetrying("retrying-once", """
				{"kind": "once", "after": "PT1S"}""");
		await().atMost(Duration.ofSeconds(15))
			.until(() -> "RUNNING".equals(state("running-once")) && "RUNNING".equals(state("running-by-hand"))
					&& isRunning("paused-by-hand") && runs("retrying-once") == 1
					&& "NORMAL".equals(state("retrying-once")));
		// other tests' jobs change state as they fire: with the scheduler in standby
		// their states settle, and the two reads agree
		this.scheduler.standby();
		try {
			await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
				Map<JobState, Long> listed = this.views
					.page(new JobFilter(null, null, null), PageRequest.of(0, 100_000))
					.stream()
					.collect(Collectors.groupingBy(JobView::state, Collectors.counting()));
				assertThat(this.counts.countByState()).isEqualTo(listed);
			});
		}
		finally {
			this.scheduler.start();
		}
		Map<String, JobState> counted = this.views.page(new JobFilter("counted", null, null), PageRequest.of(0, 10))
			.stream()
			.collect(Collectors.toMap(JobView::name, JobView::state));
		assertThat(counted).containsExactlyInAnyOrderEntriesOf(Map.of("normal", JobState.NORMAL, "paused",
				JobState.PAUSED, "complete", JobState.COMPLETE, "running-once", JobState.RUNNING, "running-by-hand",
				JobState.RUNNING, "paused-by-hand", JobState.PAUSED, "retrying-once", JobState.NORMAL));
		assertThat(total("/api/v1/jobs?group=counted")).isEqualTo(7);
		assertThat(total("/api/v1/jobs?group=counted&state=PAUSED")).isEqualTo(2);
		assertThat(total("/api/v1/jobs?group=counted&type=noop&state=COMPLETE")).isEqualTo(1);
		assertThat(total("/api/v1/jobs?group=counted&state=ERROR")).isZero();
		assertThat(this.counts.countByState())
			.containsKeys(JobState.NORMAL, JobState.PAUSED, JobState.COMPLETE, JobState.RUNNING)
			.allSatisfy((state, count) -> assertThat(count).isPositive());
	}

	private String state(String name) {
		return this.api.get("/api/v1/jobs/counted/" + name).json().path("state").asString();
	}

	private boolean isRunning(String name) throws SchedulerException {
		return this.scheduler.getCurrentlyExecutingJobs()
			.stream()
			.anyMatch((run) -> run.getJobDetail().getKey().equals(JobKey.jobKey(name, "counted")));
	}

	private long runs(String name) {
		return total("/api/v1/jobs/counted/" + name + "/executions");
	}

	private void createRetrying(String name, String schedule) {
		assertThat(this.api.post("/api/v1/jobs", """
				{"group": "counted", "name": "%s", "type": "noop", "params": {"fail": true}, "schedule": %s,
				 "retry": {"maxAttempts": 2, "backoff": "PT1H"}}""".formatted(name, schedule)).status()).isEqualTo(201);
	}

	private long total(String path) {
		return this.api.get(path).json().path("page").path("totalElements").asLong();
	}

	private void create(String name, String schedule) {
		create(name, schedule, "{}");
	}

	private void create(String name, String schedule, String params) {
		assertThat(this.api
			.post("/api/v1/jobs",
					"""
							{"group": "counted", "name": "%s", "type": "noop", "params": %s, "schedule": %s}"""
						.formatted(name, params, schedule))
			.status()).isEqualTo(201);
	}

}
