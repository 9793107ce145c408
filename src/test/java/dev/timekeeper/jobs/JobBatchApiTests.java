package dev.timekeeper.jobs;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.timekeeper.support.Api.Response;
import dev.timekeeper.support.ApiTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code POST /api/v1/jobs/batch} on its success paths, over a real port and the real H2
 * file database: every job of a batch is created, listed and fires; a job created in a
 * batch is the same as one created alone; a batch may be larger than a single create's
 * body limit; and the OpenAPI document describes the endpoint with an example that works.
 * Refused batches are {@link JobBatchBadInputTests}'s.
 */
class JobBatchApiTests extends ApiTestSupport {

	private static final String BATCH = "/api/v1/jobs/batch";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void batchCreatesEveryJobListsThemInOrderAndEachFires() {
		Response created = this.api.post(BATCH,
				"""
						{"jobs": [
						 {"group": "batch-fire", "name": "first", "type": "recording", "params": {"key": "batch-fire-first"},
						  "schedule": {"kind": "once", "after": "PT1S"}},
						 {"group": "batch-fire", "name": "second.v2", "type": "recording", "params": {"key": "batch-fire-second"},
						  "schedule": {"kind": "interval", "every": "PT1S", "times": 1}},
						 {"group": "batch-fire", "name": "Third_3", "type": "recording", "params": {"key": "batch-fire-third"},
						  "schedule": {"kind": "once", "after": "PT1S"}}]}""");
		try {
			assertThat(created.status()).as(created.body()).isEqualTo(201);
			assertThat(created.location()).as("no Location for many jobs").isNull();
			assertThat(created.json().path("created").asInt()).isEqualTo(3);
			assertThat(created.json()
				.path("jobs")
				.valueStream()
				.map((job) -> job.path("group").asString() + "/" + job.path("name").asString()))
				.containsExactly("batch-fire/first", "batch-fire/second.v2", "batch-fire/Third_3");
			JsonNode listed = this.api.get("/api/v1/jobs?group=batch-fire&sort=name").json();
			assertThat(listed.path("page").path("totalElements").asLong()).isEqualTo(3);
			await().untilAsserted(() -> assertThat(List.of("first", "second", "third"))
				.allSatisfy((key) -> assertThat(this.recording.runs("batch-fire-" + key)).hasSize(1)));
			await().untilAsserted(() -> assertThat(this.api.get("/api/v1/jobs/batch-fire/first")
				.json()
				.path("lastExecution")
				.path("outcome")
				.asString()).isEqualTo("SUCCESS"));
		}
		finally {
			List.of("first", "second.v2", "Third_3")
				.forEach((name) -> this.api.delete("/api/v1/jobs/batch-fire/" + name));
		}
	}

	@Test
	void serialJobCreatedWhileADeletedOneOfItsNameStillRunsWaitsForThatRun() {
		Response old = this.api.post("/api/v1/jobs",
				"""
						{"group": "batch-blocked", "name": "serial", "type": "recording",
						 "params": {"key": "batch-blocked-old", "duration": "PT2S"}, "schedule": {"kind": "once", "after": "PT0S"}}""");
		assertThat(old.status()).as(old.body()).isEqualTo(201);
		try {
			await().untilAsserted(
					() -> assertThat(this.api.get("/api/v1/jobs/batch-blocked/serial").json().path("state").asString())
						.isEqualTo("RUNNING"));
			assertThat(this.api.delete("/api/v1/jobs/batch-blocked/serial").status()).isEqualTo(204);
			Response created = this.api.post(BATCH, """
					{"jobs": [{"group": "batch-blocked", "name": "serial", "type": "recording",
					 "params": {"key": "batch-blocked-new"}, "schedule": {"kind": "once", "after": "PT0S"}}]}""");
			assertThat(created.status()).as(created.body()).isEqualTo(201);
			await().untilAsserted(() -> assertThat(this.recording.runs("batch-blocked-new")).hasSize(1));
			assertThat(this.recording.runs("batch-blocked-old")).hasSize(1);
			assertThat(this.recording.runs("batch-blocked-new").get(0).startedAt())
				.as("the new job's run starts after the old one's ends")
				.isAfterOrEqualTo(this.recording.runs("batch-blocked-old").get(0).finishedAt());
		}
		finally {
			this.api.delete("/api/v1/jobs/batch-blocked/serial");
		}
	}

	@Test
	void jobCreatedInABatchIsTheSameAsOneCreatedAlone() {
		String job = """
				{"group": "batch-same", "name": "%s", "type": "noop", "description": "Every option",
				 "params": {"duration": "PT0.5S"}, "schedule": {"kind": "cron", "expression": "0 9 * * 1-5"},
				 "startAt": "2090-01-01T00:00:00Z", "endAt": "2095-01-01T00:00:00Z", "timeZone": "Europe/Paris",
				 "misfirePolicy": "SKIP", "allowConcurrent": true, "jitter": "PT5S",
				 "retry": {"maxAttempts": 3, "backoff": "PT10S"}, "timeout": "PT1M"}""";
		try {
			assertThat(this.api.post("/api/v1/jobs", job.formatted("alone")).status()).isEqualTo(201);
			Response batch = this.api.post(BATCH, "{\"jobs\": [" + job.formatted("batched") + "]}");
			assertThat(batch.status()).as(batch.body()).isEqualTo(201);
			ObjectNode alone = (ObjectNode) this.api.get("/api/v1/jobs/batch-same/alone").json();
			ObjectNode batched = (ObjectNode) this.api.get("/api/v1/jobs/batch-same/batched").json();
			for (ObjectNode read : List.of(alone, batched)) {
				List.of("name", "createdAt", "updatedAt").forEach(read::remove);
			}
			assertThat(batched).isEqualTo(alone);
			assertThat(batched.path("state").asString()).isEqualTo("NORMAL");
			assertThat(batched.path("nextFireTime").asString()).startsWith("2090-01-0");
		}
		finally {
			this.api.delete("/api/v1/jobs/batch-same/alone");
			this.api.delete("/api/v1/jobs/batch-same/batched");
		}
	}

	@Test
	void batchLargerThanASingleCreatesBodyLimitCreatesAllItsJobs() {
		int count = 300;
		String body = IntStream.range(0, count)
			.mapToObj((i) -> """
					{"group": "batch-large", "name": "job-%d", "type": "noop", "description": "%s",
					 "schedule": {"kind": "interval", "every": "P1D"}, "startAt": "2100-01-01T00:00:00Z"}"""
				.formatted(i, "d".repeat(200)))
			.collect(Collectors.joining(",", "{\"jobs\": [", "]}"));
		assertThat(body.length()).as("over timekeeper.api.max-request-size").isGreaterThan(64 * 1024);
		try {
			Response created = this.api.post(BATCH, body);
			assertThat(created.status()).as(created.body()).isEqualTo(201);
			assertThat(created.json().path("created").asInt()).isEqualTo(count);
			JsonNode listed = this.api.get("/api/v1/jobs?group=batch-large&size=1").json();
			assertThat(listed.path("page").path("totalElements").asLong()).isEqualTo(count);
			JsonNode last = this.api.get("/api/v1/jobs/batch-large/job-" + (count - 1)).json();
			assertThat(last.path("nextFireTime").asString()).isEqualTo("2100-01-01T00:00:00Z");
		}
		finally {
			IntStream.range(0, count).forEach((i) -> this.api.delete("/api/v1/jobs/batch-large/job-" + i));
		}
	}

	@Test
	void openApiDocumentDescribesTheBatchWithAnExampleThatWorks() {
		JsonNode operation = this.api.get("/v3/api-docs").json().path("paths").path(BATCH).path("post");
		assertThat(operation.path("x-required-role").asString()).isEqualTo("ADMIN");
		assertThat(operation.path("responses").propertyNames()).contains("201", "400", "409", "413");
		JsonNode examples = operation.path("requestBody").path("content").path("application/json").path("examples");
		assertThat(examples.propertyNames()).isNotEmpty();
		for (JsonNode example : examples.values()) {
			JsonNode value = example.path("value");
			ObjectNode batch = (ObjectNode) (value.isString() ? JSON.readTree(value.asString()) : value.deepCopy());
			batch.path("jobs").forEach((job) -> ((ObjectNode) job).put("group", "batch-examples"));
			List<String> names = batch.path("jobs").valueStream().map((job) -> job.path("name").asString()).toList();
			try {
				Response created = this.api.post(BATCH, JSON.writeValueAsString(batch));
				assertThat(created.status()).as("%s answered %s", batch, created.body()).isEqualTo(201);
				assertThat(created.json().path("created").asInt()).isEqualTo(names.size());
			}
			finally {
				names.forEach((name) -> this.api.delete("/api/v1/jobs/batch-examples/" + name));
			}
		}
	}

}
