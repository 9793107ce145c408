package dev.timekeeper.execution;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.timekeeper.support.Api.Response;
import dev.timekeeper.support.ApiTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs recorded as executions, over the real API on the real H2 file database: retries
 * with backoff, timeouts, overlapping and non-overlapping runs, the job's last outcome,
 * and the history endpoints.
 */
class ExecutionsApiTests extends ApiTestSupport {

	@Test
	void failingJobIsRetriedUpToMaxAttemptsWithDoublingBackoff() {
		create("retries", "failing", """
				"type": "noop", "params": {"fail": true},
				"schedule": {"kind": "once", "after": "PT1S"},
				"retry": {"maxAttempts": 3, "backoff": "PT1S"}""");
		Response pending = this.api.get("/actuator/quartz/triggers/retries");
		assertThat(pending.status()).as(pending.body()).isEqualTo(200);
		assertThat(pending.json().path("triggers").path("simple").propertyNames()).as(pending.body())
			.containsExactly("failing");

		List<Run> runs = await().atMost(Duration.ofSeconds(20))
			.until(() -> executions("retries", "failing"), (list) -> list.size() >= 3);

		List<Run> attempts = runs.stream().sorted(Comparator.comparing(Run::startedAt)).toList();
		assertThat(attempts).extracting(Run::attempt).containsExactly(1, 2, 3);
		assertThat(attempts).extracting(Run::outcome).containsOnly("FAILED");
		assertThat(attempts).extracting(Run::scheduledAt).containsOnly(attempts.get(0).scheduledAt());
		assertThat(attempts).allSatisfy((run) -> assertThat(run.error()).contains("fail"));
		// The first retry waits the backoff, the second twice as long (Quartz may fire up
		// to 2 ms before a trigger's time).
		assertThat(Duration.between(attempts.get(0).finishedAt(), attempts.get(1).startedAt()))
			.isGreaterThanOrEqualTo(Duration.ofMillis(1000 - 10));
		assertThat(Duration.between(attempts.get(1).finishedAt(), attempts.get(2).startedAt()))
			.isGreaterThanOrEqualTo(Duration.ofMillis(2000 - 10));
		// No fourth attempt is left behind: the group has no trigger at all.
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.api.get("/actuator/quartz/triggers/retries").status()).isEqualTo(404));
		assertThat(job("retries", "failing").path("lastExecution").path("attempt").asInt()).isEqualTo(3);
		assertThat(job("retries", "failing").path("lastExecution").path("outcome").asString()).isEqualTo("FAILED");
		delete("retries", "failing");
	}

	@Test
	void runThatThrowsAnErrorIsRecordedWithoutItsInternals() {
		create("errors", "fatal", """
				"type": "recording", "params": {"key": "errors-fatal", "error": true},
				"schedule": {"kind": "once", "after": "PT1S"}, "timeout": "PT2S\"""");
		Run run = await().atMost(Duration.ofSeconds(20))
			.until(() -> executions("errors", "fatal"), (list) -> !list.isEmpty())
			.get(0);
		assertThat(run.outcome()).isEqualTo("FAILED");
		assertThat(run.error()).isEqualTo("run failed unexpectedly; the server log has the details");
		delete("errors", "fatal");
	}

	@Test
	void jobWaitingForARetryIsNotCompleteAndPausesWithItsRetry() {
		create("retry-state", "pending", """
				"type": "noop", "params": {"fail": true}, "schedule": {"kind": "once", "after": "PT1S"},
				"retry": {"maxAttempts": 2, "backoff": "PT1H"}""");
		await().atMost(Duration.ofSeconds(20))
			.until(() -> executions("retry-state", "pending"), (list) -> !list.isEmpty());
		JsonNode waiting = await().atMost(Duration.ofSeconds(5))
			.until(() -> job("retry-state", "pending"), (view) -> view.hasNonNull("nextFireTime"));
		assertThat(waiting.path("state").asString()).isEqualTo("NORMAL");
		assertThat(Instant.parse(waiting.path("nextFireTime").asString()))
			.isAfter(Instant.now().plus(Duration.ofMinutes(50)));
		assertThat(this.api.post("/api/v1/jobs/retry-state/pending/pause").json().path("state").asString())
			.isEqualTo("PAUSED");
		// a new definition drops the old one's pending retry
		assertThat(this.api.put("/api/v1/jobs/retry-state/pending", """
				{"type": "noop", "schedule": {"kind": "cron", "expression": "@yearly"}}""").status()).isEqualTo(200);
		assertThat(this.api.get("/actuator/quartz/triggers/retry-state")
			.json()
			.path("triggers")
			.path("simple")
			.propertyNames()).isEmpty();
		delete("retry-state", "pending");
	}

	@Test
	void runsOfADeletedJobAreNotShownForANewJobOfTheSameName() {
		create("reused", "name", """
				"type": "noop", "params": {"duration": "PT2S"},
				"schedule": {"kind": "interval", "every": "PT1S"}, "allowConcurrent": true""");
		await().atMost(Duration.ofSeconds(15))
			.until(() -> job("reused", "name").path("state").asString(), "RUNNING"::equals);
		delete("reused", "name");
		create("reused", "name", """
				"type": "noop", "schedule": {"kind": "cron", "expression": "@yearly"}""");
		// the old job's run in progress is recorded once it ends, after its history went
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.api.get("/api/v1/executions?group=reused&name=name").json().path("content").size() > 0);
		assertThat(executions("reused", "name")).isEmpty();
		assertThat(job("reused", "name").has("lastExecution")).isFalse();
		delete("reused", "name");
	}

	@Test
	void jobThatRecoversOnRetryStopsRetrying() {
		create("recovers", "flaky", """
				"type": "noop", "schedule": {"kind": "once", "after": "PT1S"},
				"retry": {"maxAttempts": 5, "backoff": "PT1S"}""");
		List<Run> runs = await().atMost(Duration.ofSeconds(20))
			.until(() -> executions("recovers", "flaky"), (list) -> !list.isEmpty());
		assertThat(runs).singleElement().satisfies((run) -> {
			assertThat(run.outcome()).isEqualTo("SUCCESS");
			assertThat(run.attempt()).isEqualTo(1);
		});
		delete("recovers", "flaky");
	}

	@Test
	void runLongerThanItsTimeoutIsInterruptedAndRecordedTimedOut() {
		create("timeouts", "slow", """
				"type": "noop", "params": {"duration": "PT5S"},
				"schedule": {"kind": "once", "after": "PT1S"}, "timeout": "PT1S\"""");

		Run run = await().atMost(Duration.ofSeconds(15))
			.until(() -> executions("timeouts", "slow"), (list) -> !list.isEmpty())
			.get(0);

		assertThat(run.outcome()).isEqualTo("TIMED_OUT");
		assertThat(run.error()).contains("timeout of PT1S");
		// interrupted, not waited out: well short of the 5 s it would have taken
		assertThat(run.durationMs()).isBetween(1000L - 10, 4000L);
		JsonNode view = job("timeouts", "slow");
		assertThat(view.path("timeout").asString()).isEqualTo("PT1S");
		assertThat(view.path("lastExecution").path("outcome").asString()).isEqualTo("TIMED_OUT");
		delete("timeouts", "slow");
	}

	@Test
	void serialJobNeverOverlapsEvenWhenFiresComeWhileItRuns() {
		create("concurrency", "serial", """
				"type": "noop", "params": {"duration": "PT2S"},
				"schedule": {"kind": "interval", "every": "PT1S"}, "allowConcurrent": false""");
		List<Run> runs = await().atMost(Duration.ofSeconds(20))
			.until(() -> executions("concurrency", "serial"), (list) -> list.size() >= 3);
		delete("concurrency", "serial");

		List<Run> byStart = runs.stream().sorted(Comparator.comparing(Run::startedAt)).toList();
		for (int i = 1; i < byStart.size(); i++) {
			assertThat(byStart.get(i).startedAt()).as("run %d starts after run %d ends", i, i - 1)
				.isAfterOrEqualTo(byStart.get(i - 1).finishedAt());
		}
	}

	@Test
	void concurrentJobOverlapsWhenFiresComeWhileItRuns() {
		create("concurrency", "parallel", """
				"type": "noop", "params": {"duration": "PT2S"},
				"schedule": {"kind": "interval", "every": "PT1S"}, "allowConcurrent": true""");
		List<Run> runs = await().atMost(Duration.ofSeconds(20))
			.until(() -> executions("concurrency", "parallel"), (list) -> list.size() >= 3);
		delete("concurrency", "parallel");

		List<Run> byStart = runs.stream().sorted(Comparator.comparing(Run::startedAt)).toList();
		List<Integer> overlapping = new ArrayList<>();
		for (int i = 1; i < byStart.size(); i++) {
			if (byStart.get(i).startedAt().isBefore(byStart.get(i - 1).finishedAt())) {
				overlapping.add(i);
			}
		}
		assertThat(overlapping).as("runs that start while the previous one runs: %s", byStart).isNotEmpty();
	}

	@Test
	void historyIsNewestFirstAndFilterable() {
		create("history", "beat", """
				"type": "noop", "schedule": {"kind": "interval", "every": "PT1S"}""");
		await().atMost(Duration.ofSeconds(15)).until(() -> executions("history", "beat"), (list) -> list.size() >= 3);
		this.api.post("/api/v1/jobs/history/beat/pause");

		List<Run> runs = executions("history", "beat");
		assertThat(runs).isSortedAccordingTo(Comparator.comparing(Run::startedAt).reversed());
		assertThat(runs).allSatisfy((run) -> {
			assertThat(run.outcome()).isEqualTo("SUCCESS");
			assertThat(run.node()).isNotBlank();
			assertThat(run.result().path("sleptMs").asLong()).isZero();
			assertThat(run.startedAt()).isAfterOrEqualTo(run.scheduledAt().minusMillis(5));
		});
		Run newest = runs.get(0);
		JsonNode view = job("history", "beat");
		assertThat(view.path("lastExecution").path("id").asLong()).isEqualTo(newest.id());
		assertThat(this.api.get("/api/v1/executions/" + newest.id()).json().path("name").asString()).isEqualTo("beat");

		Response all = this.api.get("/api/v1/executions?group=history&name=beat&outcome=SUCCESS&size=2");
		assertThat(all.status()).isEqualTo(200);
		assertThat(all.json().path("content").size()).isEqualTo(2);
		assertThat(all.json().path("page").path("totalElements").asLong()).isGreaterThanOrEqualTo(runs.size());
		assertThat(this.api.get("/api/v1/executions?group=history&outcome=FAILED")
			.json()
			.path("page")
			.path("totalElements")
			.asLong()).isZero();
		String from = runs.get(1).startedAt().toString();
		assertThat(this.api.get("/api/v1/executions?group=history&name=beat&from=" + from).json().path("content"))
			.allSatisfy((run) -> assertThat(Instant.parse(run.path("startedAt").asString()))
				.isAfterOrEqualTo(runs.get(1).startedAt()));
		assertThat(this.api.get("/api/v1/executions?group=history&to=" + from).json().path("content")).allSatisfy(
				(run) -> assertThat(Instant.parse(run.path("startedAt").asString())).isBefore(runs.get(1).startedAt()));

		delete("history", "beat");
		assertThat(this.api.get("/api/v1/executions/" + newest.id()).status()).isEqualTo(404);
		assertThat(this.api.get("/api/v1/jobs/history/beat/executions").status()).isEqualTo(404);
	}

	private void create(String group, String name, String rest) {
		Response created = this.api.post("/api/v1/jobs", """
				{"group": "%s", "name": "%s", %s}""".formatted(group, name, rest));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
	}

	private void delete(String group, String name) {
		assertThat(this.api.delete("/api/v1/jobs/" + group + "/" + name).status()).isEqualTo(204);
	}

	private JsonNode job(String group, String name) {
		return this.api.get("/api/v1/jobs/" + group + "/" + name).json();
	}

	private List<Run> executions(String group, String name) {
		Response response = this.api.get("/api/v1/jobs/" + group + "/" + name + "/executions?size=100");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		List<Run> runs = new ArrayList<>();
		response.json().path("content").forEach((node) -> runs.add(Run.of(node)));
		return runs;
	}

	record Run(long id, String node, int attempt, String outcome, Instant scheduledAt, Instant startedAt,
			Instant finishedAt, long durationMs, String error, JsonNode result) {

		static Run of(JsonNode node) {
			return new Run(node.path("id").asLong(), node.path("node").asString(), node.path("attempt").asInt(),
					node.path("outcome").asString(), Instant.parse(node.path("scheduledAt").asString()),
					Instant.parse(node.path("startedAt").asString()), Instant.parse(node.path("finishedAt").asString()),
					node.path("durationMs").asLong(), node.path("error").asString(""), node.path("result"));
		}

	}

}
