package dev.timekeeper.jobs;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import dev.timekeeper.jobs.JobViews.JobFilter;
import dev.timekeeper.support.ApiTestSupport;
import org.junit.jupiter.api.Test;
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
		await().atMost(Duration.ofSeconds(15))
			.until(() -> "RUNNING"
				.equals(this.api.get("/api/v1/jobs/counted/running-once").json().path("state").asString())
					&& "RUNNING"
						.equals(this.api.get("/api/v1/jobs/counted/running-by-hand").json().path("state").asString()));
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
		assertThat(counted)
			.containsExactlyInAnyOrderEntriesOf(Map.of("normal", JobState.NORMAL, "paused", JobState.PAUSED, "complete",
					JobState.COMPLETE, "running-once", JobState.RUNNING, "running-by-hand", JobState.RUNNING));
		assertThat(total("/api/v1/jobs?group=counted")).isEqualTo(5);
		assertThat(total("/api/v1/jobs?group=counted&state=PAUSED")).isEqualTo(1);
		assertThat(total("/api/v1/jobs?group=counted&type=noop&state=COMPLETE")).isEqualTo(1);
		assertThat(total("/api/v1/jobs?group=counted&state=ERROR")).isZero();
		assertThat(this.counts.countByState())
			.containsKeys(JobState.NORMAL, JobState.PAUSED, JobState.COMPLETE, JobState.RUNNING)
			.allSatisfy((state, count) -> assertThat(count).isPositive());
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
