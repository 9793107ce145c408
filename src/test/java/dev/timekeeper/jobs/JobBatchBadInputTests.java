package dev.timekeeper.jobs;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import dev.timekeeper.support.Api.Response;
import dev.timekeeper.support.ApiTestSupport;
import org.assertj.core.api.SoftAssertions;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every refused batch is answered with the right 4xx as RFC 9457 Problem Details, names
 * each field at fault by its index ({@code jobs[2].type}) or each job at fault (409),
 * gives away nothing internal, and creates nothing at all: not the bad job, not its good
 * neighbours. The batches' jobs are in the group {@code batch-bad}, which stays empty.
 */
class JobBatchBadInputTests extends ApiTestSupport {

	private static final String BATCH = "/api/v1/jobs/batch";

	private static final String JSON = "application/json";

	private static final String GROUP = "batch-bad";

	private static final List<String> INTERNALS = List.of("Exception", "java.", "org.", "at dev.", "SQL",
			"tools.jackson");

	@BeforeEach
	void takenJobAndNoOther() {
		// a batch wrongly created is removed, so that one failing case does not fail all
		this.api.get("/api/v1/jobs?size=500&group=" + GROUP)
			.json()
			.path("content")
			.forEach((job) -> this.api.delete("/api/v1/jobs/" + GROUP + "/" + job.path("name").asString()));
		assertThat(this.api.put("/api/v1/jobs/batch-taken/taken", """
				{"type": "noop", "schedule": {"kind": "cron", "expression": "@yearly"}}""").status()).isIn(200, 201);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badBatches")
	void badBatchIsRefusedAsProblemDetailsAndCreatesNothing(BadBatch batch) {
		long jobsBefore = jobCount("");
		Response response = this.api.send("POST", BATCH, batch.contentType(), batch.body());
		SoftAssertions.assertSoftly((softly) -> {
			softly.assertThat(response.status()).as("status; body: %s", response.body()).isEqualTo(batch.status());
			softly.assertThat(response.isProblem())
				.as("Problem Details for %d; Content-Type %s, body: %s", response.status(), response.contentType(),
						response.body())
				.isTrue();
			softly.assertThat(response.body()).as("nothing internal in the body").doesNotContain(INTERNALS);
			if (!batch.named().isEmpty()) {
				softly.assertThat(named(response, batch.status()))
					.as("%s; body: %s", (batch.status() == 409) ? "jobs[]" : "errors[].field", response.body())
					.containsExactlyInAnyOrderElementsOf(batch.named());
			}
			softly.assertThat(jobCount("")).as("number of jobs after the batch").isEqualTo(jobsBefore);
			softly.assertThat(jobCount("&group=" + GROUP)).as("jobs in the batch's group").isZero();
		});
	}

	@Test
	void refusedBatchLeavesTheJobThatExistsAsItWas() {
		JsonNode before = this.api.get("/api/v1/jobs/batch-taken/taken").json();
		Response response = this.api.post(BATCH, batch(job("fresh"),
				"""
						{"group": "batch-taken", "name": "taken", "type": "noop", "schedule": {"kind": "interval", "every": "PT1M"}}"""));
		assertThat(response.status()).as(response.body()).isEqualTo(409);
		assertThat(response.json().path("detail").asString()).contains("batch-taken/taken");
		assertThat(this.api.get("/api/v1/jobs/batch-taken/taken").json()).isEqualTo(before);
		assertThat(this.api.get("/api/v1/jobs/" + GROUP + "/fresh").status()).isEqualTo(404);
	}

	@Test
	void singleCreateKeepsItsOwnSmallerBodyLimit() {
		String description = "d".repeat(70_000);
		Response response = this.api.post("/api/v1/jobs", """
				{"group": "batch-bad", "name": "large-single", "type": "noop", "description": "%s",
				 "schedule": {"kind": "interval", "every": "PT1M"}}""".formatted(description));
		assertThat(response.status()).as(response.body()).isEqualTo(413);
		assertThat(response.isProblem()).isTrue();
	}

	static Stream<BadBatch> badBatches() {
		return Stream.of(malformed(), wrongShapes(), badJobs(), badNames(), conflicts(), sizesAndTypes())
			.flatMap(Function.identity());
	}

	private static Stream<BadBatch> malformed() {
		return Stream.of(bad("truncated JSON", 400, "{\"jobs\": [" + job("truncated"), "jobs"),
				bad("trailing garbage", 400, batch(job("trailing")) + " and more", "body"),
				bad("an empty body", 400, "", "body"), bad("JSON null", 400, "null", "body"),
				bad("an array of jobs without the object around it", 400, "[" + job("bare") + "]", "body"));
	}

	private static Stream<BadBatch> wrongShapes() {
		return Stream.of(bad("no jobs field", 400, "{}", "jobs"), bad("jobs null", 400, "{\"jobs\": null}", "jobs"),
				bad("jobs empty", 400, "{\"jobs\": []}", "jobs"),
				bad("jobs an object", 400, "{\"jobs\": " + job("object") + "}", "jobs"),
				bad("jobs a string", 400, "{\"jobs\": \"all of them\"}", "jobs"),
				bad("a job given as a number", 400, batch(job("before-number"), "42"), "jobs[1]"),
				bad("a job given as null", 400, batch(job("before-null"), "null"), "jobs[1]"),
				bad("an unknown field beside jobs", 400, "{\"jobs\": [" + job("extra") + "], \"dryRun\": true}",
						"dryRun"),
				bad("an unknown field in a job", 400, batch(job("fine"), with(job("colour"), "\"colour\": 1")),
						"jobs[1].colour"),
				bad("allowConcurrent as a word", 400,
						batch(job("fine"), with(job("yes"), "\"allowConcurrent\": \"yes\"")),
						"jobs[1].allowConcurrent"),
				bad("more jobs than the maximum", 400,
						batch(IntStream.range(0, 1001).mapToObj((i) -> job("many-" + i)).toArray(String[]::new)),
						"jobs"));
	}

	private static Stream<BadBatch> badJobs() {
		return Stream.of(
				bad("an unknown type in the third job", 400,
						batch(job("one"), job("two"), job("three").replace("\"noop\"", "\"teleport\""), job("four")),
						"jobs[2].type"),
				bad("an invalid cron expression in one job", 400, batch(job("ok"),
						"""
								{"group": "batch-bad", "name": "cron", "type": "noop", "schedule": {"kind": "cron", "expression": "61 * * * *"}}"""),
						"jobs[1].schedule.expression"),
				bad("an interval under a second", 400, batch(job("ok"), job("fast").replace("PT1M", "PT0.5S")),
						"jobs[1].schedule.every"),
				bad("a one-shot in the past", 400,
						batch("""
								{"group": "batch-bad", "name": "past", "type": "noop", "schedule": {"kind": "once", "at": "2020-01-01T00:00:00Z"}}""",
								job("ok")),
						"jobs[0].schedule.at"),
				bad("bad params", 400, batch(with(job("params"), "\"params\": {\"wait\": 1}")), "jobs[0].params.wait"),
				bad("a job without a name", 400, batch(job("ok"), """
						{"group": "batch-bad", "type": "noop", "schedule": {"kind": "interval", "every": "PT1M"}}"""),
						"jobs[1].name"),
				bad("several bad jobs, each named", 400,
						batch(job("a").replace("\"noop\"", "\"teleport\""), job("ok"), job("b").replace("PT1M", "PT0S"),
								job("c").replace("\"UTC\"", "\"Mars/Olympus\"")),
						"jobs[0].type", "jobs[2].schedule.every", "jobs[3].timeZone"));
	}

	private static Stream<BadBatch> badNames() {
		return Stream
			.of("a/b", "..", ".hidden", "../etc", "a b", "j\u00f6b", "job\uD83D\uDE80", "n".repeat(101),
					"x'; DROP TABLE TK_JOB;--", "")
			.map((name) -> bad("the name '" + name + "'", 400,
					batch(job("ok"), job("x").replace("\"x\"", "\"" + name.replace("\"", "\\\"") + "\"")),
					"jobs[1].name"));
	}

	private static Stream<BadBatch> conflicts() {
		return Stream.of(bad("one name twice", 409, batch(job("twice"), job("once"), job("twice")), "batch-bad/twice"),
				bad("a name that exists", 409, batch(job("new"),
						"""
								{"group": "batch-taken", "name": "taken", "type": "noop", "schedule": {"kind": "interval", "every": "PT1M"}}"""),
						"batch-taken/taken"));
	}

	private static Stream<BadBatch> sizesAndTypes() {
		String large = batch(with(job("large"), "\"description\": \"" + "d".repeat(1_100_000) + "\""));
		return Stream.of(bad("a body over the batch's 1 MB", 413, large),
				new BadBatch("a batch as text/plain", "text/plain", batch(job("text")), 415, List.of()),
				new BadBatch("a batch without a Content-Type", null, batch(job("untyped")), 415, List.of()));
	}

	/**
	 * A valid job of the batch's group, with the time zone given (for tests to replace).
	 */
	private static String job(String name) {
		return """
				{"group": "batch-bad", "name": "%s", "type": "noop", "schedule": {"kind": "interval", "every": "PT1M"}, "timeZone": "UTC"}"""
			.formatted(name);
	}

	/** The job with more fields. */
	private static String with(String job, String fields) {
		return job.substring(0, job.lastIndexOf('}')) + ", " + fields + "}";
	}

	private static String batch(String... jobs) {
		return Stream.of(jobs).collect(Collectors.joining(", ", "{\"jobs\": [", "]}"));
	}

	private static BadBatch bad(String description, int status, String body, String... named) {
		return new BadBatch(description, JSON, body, status, List.of(named));
	}

	private long jobCount(String filter) {
		Response jobs = this.api.get("/api/v1/jobs?size=1" + filter);
		assertThat(jobs.status()).as(jobs.body()).isEqualTo(200);
		return jobs.json().path("page").path("totalElements").asLong();
	}

	/** The fields a 400 names, or the jobs a 409 names. */
	private static List<String> named(Response response, int status) {
		if (status == 409) {
			return response.json()
				.path("jobs")
				.valueStream()
				.map((job) -> job.path("group").asString() + "/" + job.path("name").asString())
				.toList();
		}
		return response.json().path("errors").valueStream().map((error) -> error.path("field").asString()).toList();
	}

	/**
	 * One refused batch and what the answer must be.
	 *
	 * @param description what is wrong with it, as the test's name
	 * @param contentType the Content-Type, or null for none
	 * @param body the body
	 * @param status the expected status
	 * @param named exactly the fields ({@code errors[].field}) or jobs
	 * ({@code group/name} in {@code jobs}) the answer must name, or empty when not
	 * checked
	 */
	record BadBatch(String description, @Nullable String contentType, String body, int status, List<String> named) {

		@Override
		public String toString() {
			return this.description;
		}

	}

}
