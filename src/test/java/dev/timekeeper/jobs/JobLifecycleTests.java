package dev.timekeeper.jobs;

import java.time.Duration;
import java.time.Instant;

import dev.timekeeper.execution.Outcome;
import dev.timekeeper.support.Api.Response;
import dev.timekeeper.support.ApiTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Jobs fire as their schedules say, over the real API on a real H2 file database.
 */
class JobLifecycleTests extends ApiTestSupport {

	@Autowired
	private JobRunner runner;

	@Test
	void intervalJobRunsRepeatedlyAndShowsItsState() {
		Response created = this.api.post("/api/v1/jobs", """
				{"group": "lifecycle", "name": "every-second", "type": "recording",
				 "params": {"key": "every-second"}, "schedule": {"kind": "interval", "every": "PT1S"}}""");
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.location()).endsWith("/api/v1/jobs/lifecycle/every-second");
		assertThat(created.json().path("state").asString()).isEqualTo("NORMAL");
		await().atMost(Duration.ofSeconds(15)).until(() -> this.recording.runs("every-second").size() >= 3);
		Response job = this.api.get("/api/v1/jobs/lifecycle/every-second");
		assertThat(job.status()).isEqualTo(200);
		assertThat(job.json().path("state").asString()).isIn("NORMAL", "RUNNING");
		assertThat(Instant.parse(job.json().path("previousFireTime").asString()))
			.isBefore(Instant.parse(job.json().path("nextFireTime").asString()));
	}

	@Test
	void pauseStopsAJobAndResumeRestartsIt() {
		this.api.post("/api/v1/jobs", """
				{"group": "lifecycle", "name": "pausable", "type": "recording",
				 "params": {"key": "pausable"}, "schedule": {"kind": "interval", "every": "PT1S"}}""");
		await().atMost(Duration.ofSeconds(15)).until(() -> !this.recording.runs("pausable").isEmpty());
		Response paused = this.api.post("/api/v1/jobs/lifecycle/pausable/pause");
		assertThat(paused.status()).isEqualTo(200);
		assertThat(paused.json().path("state").asString()).isEqualTo("PAUSED");
		// A run already starting when the pause landed may still finish; then nothing
		// more.
		int runsAtPause = this.recording.runs("pausable").size();
		await().during(Duration.ofSeconds(3))
			.atMost(Duration.ofSeconds(6))
			.until(() -> this.recording.runs("pausable").size() <= runsAtPause + 1);
		int runsWhenPaused = this.recording.runs("pausable").size();
		Response resumed = this.api.post("/api/v1/jobs/lifecycle/pausable/resume");
		assertThat(resumed.status()).isEqualTo(200);
		assertThat(resumed.json().path("state").asString()).isIn("NORMAL", "RUNNING");
		await().atMost(Duration.ofSeconds(15)).until(() -> this.recording.runs("pausable").size() > runsWhenPaused);
	}

	@Test
	void onceJobRunsOnceAndIsKeptComplete() {
		this.api.post("/api/v1/jobs", """
				{"group": "lifecycle", "name": "one-shot", "type": "recording",
				 "params": {"key": "one-shot"}, "schedule": {"kind": "once", "after": "PT1S"}}""");
		await().atMost(Duration.ofSeconds(15))
			.until(() -> "COMPLETE"
				.equals(this.api.get("/api/v1/jobs/lifecycle/one-shot").json().path("state").asString()));
		assertThat(this.recording.runs("one-shot")).hasSize(1);
		Response job = this.api.get("/api/v1/jobs/lifecycle/one-shot");
		assertThat(job.json().has("nextFireTime")).isFalse();
	}

	@Test
	void aRunHandedOverBeforeItsFireTimeStartsAtIt() {
		Instant due = Instant.now().plusMillis(300);
		Outcome outcome = this.runner
			.run(new Firing("by-hand", "early", "noop", "{}", "node", "fire-1", due, due, 1, null, null, null, null));
		assertThat(outcome).isEqualTo(Outcome.SUCCESS);
		assertThat(Instant.now()).isAfterOrEqualTo(due);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.api.get("/api/v1/executions?group=by-hand&name=early")
				.json()
				.path("content")
				.size() == 1);
		var execution = this.api.get("/api/v1/executions?group=by-hand&name=early").json().path("content").get(0);
		assertThat(Instant.parse(execution.path("startedAt").asString())).isAfterOrEqualTo(due.minusMillis(1));
	}

	@Test
	void jobsDueWithinOneFireAheadWindowEachStartAtTheirOwnTime() {
		// a run first, so that the batch below fires on time rather than late
		this.api.post("/api/v1/jobs",
				"""
						{"group": "ahead", "name": "warm-up", "type": "noop", "schedule": {"kind": "once", "after": "PT1S"}}""");
		await().atMost(Duration.ofSeconds(15))
			.until(() -> this.api.get("/api/v1/executions?group=ahead&name=warm-up")
				.json()
				.path("content")
				.size() == 1);
		// one batch: due 0, 10, ... 40 ms after the first, within the 50 ms window, so
		// Quartz fires them all at the first one's time
		Instant first = Instant.now().plusSeconds(3).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		StringBuilder jobs = new StringBuilder();
		for (int i = 0; i < 5; i++) {
			jobs.append((i > 0) ? "," : "")
				.append("""
						{"group": "ahead", "name": "job-%d", "type": "noop", "schedule": {"kind": "once", "at": "%s"}}"""
					.formatted(i, first.plusMillis(10L * i)));
		}
		assertThat(this.api.post("/api/v1/jobs/batch", "{\"jobs\": [" + jobs + "]}").status()).isEqualTo(201);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.api.get("/api/v1/executions?group=ahead").json().path("content").size() == 6);
		for (var execution : this.api.get("/api/v1/executions?group=ahead").json().path("content")) {
			String name = execution.path("name").asString();
			Instant scheduled = Instant.parse(execution.path("scheduledAt").asString());
			Instant started = Instant.parse(execution.path("startedAt").asString());
			if (name.startsWith("job-")) {
				assertThat(scheduled).isEqualTo(first.plusMillis(10L * Integer.parseInt(name.substring(4))));
			}
			// to the millisecond: the wait is timed by the monotonic clock, the start
			// read
			// from the system's
			assertThat(started).as("start of %s", name).isAfterOrEqualTo(scheduled.minusMillis(1));
		}
	}

	@Test
	void runNowFiresAPausedJobWhichStaysPaused() {
		this.api.post("/api/v1/jobs", """
				{"group": "lifecycle", "name": "manual", "type": "recording", "params": {"key": "manual"},
				 "schedule": {"kind": "cron", "expression": "@yearly"}}""");
		this.api.post("/api/v1/jobs/lifecycle/manual/pause");
		Response run = this.api.post("/api/v1/jobs/lifecycle/manual/run");
		assertThat(run.status()).isEqualTo(202);
		await().atMost(Duration.ofSeconds(15)).until(() -> this.recording.runs("manual").size() == 1);
		assertThat(this.api.get("/api/v1/jobs/lifecycle/manual").json().path("state").asString()).isEqualTo("PAUSED");
	}

	@Test
	void deletedJobIsGoneAndNeverFiresAgain() {
		this.api.post("/api/v1/jobs", """
				{"group": "lifecycle", "name": "doomed", "type": "recording", "params": {"key": "doomed"},
				 "schedule": {"kind": "interval", "every": "PT1S"}}""");
		await().atMost(Duration.ofSeconds(15)).until(() -> !this.recording.runs("doomed").isEmpty());
		assertThat(this.api.delete("/api/v1/jobs/lifecycle/doomed").status()).isEqualTo(204);
		assertThat(this.api.get("/api/v1/jobs/lifecycle/doomed").status()).isEqualTo(404);
		int runs = this.recording.runs("doomed").size();
		// At most the run that was already under way when the delete landed.
		await().during(Duration.ofSeconds(3))
			.atMost(Duration.ofSeconds(6))
			.until(() -> this.recording.runs("doomed").size() <= runs + 1);
		assertThat(this.api.delete("/api/v1/jobs/lifecycle/doomed").status()).isEqualTo(404);
	}

	@Test
	void jobIsRunningWhileARunIsInProgress() {
		this.api.post("/api/v1/jobs",
				"""
						{"group": "lifecycle", "name": "slow", "type": "recording", "params": {"key": "slow", "duration": "PT3S"},
						 "schedule": {"kind": "cron", "expression": "@yearly"}}""");
		assertThat(this.api.post("/api/v1/jobs/lifecycle/slow/run").status()).isEqualTo(202);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> "RUNNING".equals(this.api.get("/api/v1/jobs/lifecycle/slow").json().path("state").asString()));
		assertThat(this.api.get("/api/v1/jobs?group=lifecycle&state=RUNNING")
			.json()
			.path("content")
			.findValuesAsString("name")).containsExactly("slow");
		await().atMost(Duration.ofSeconds(15)).until(() -> this.recording.runs("slow").size() == 1);
		await().atMost(Duration.ofSeconds(5))
			.until(() -> "NORMAL".equals(this.api.get("/api/v1/jobs/lifecycle/slow").json().path("state").asString()));
	}

}
