package dev.timekeeper.jobs;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.timekeeper.support.Api.Response;
import dev.timekeeper.support.ApiTestSupport;
import org.assertj.core.api.SoftAssertions;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every bad request is refused with the right 4xx status as RFC 9457 Problem Details,
 * names the field at fault where there is one, gives away nothing internal (no class
 * name, stack trace or SQL), and changes nothing: the number of jobs is the same before
 * and after, and the job the request named does not exist.
 * <p>
 * The expected answers are the specification's ({@code SPEC.md}): 400 for malformed JSON
 * or an invalid field, 404, 405, 409, 413 for an oversized body and 415, never a 5xx for
 * what a client sent.
 */
class BadInputTests extends ApiTestSupport {

	private static final String JOBS = "/api/v1/jobs";

	private static final String JSON = "application/json";

	private static final List<String> INTERNALS = List.of("Exception", "java.", "org.", "at dev.", "SQL",
			"tools.jackson");

	@ParameterizedTest(name = "{0}")
	@MethodSource("badRequests")
	void badRequestIsRefusedAsProblemDetailsAndCreatesNothing(BadRequest request) {
		long jobsBefore = jobCount();
		Response response = this.api.send(request.method(), request.path(), request.contentType(), request.body());
		long jobsAfter = jobCount();
		int victimStatus = (request.victim() != null) ? removeIfCreated(request.victim()) : 404;
		SoftAssertions.assertSoftly((softly) -> {
			softly.assertThat(response.status()).as("status; body: %s", response.body()).isEqualTo(request.status());
			softly.assertThat(response.isProblem())
				.as("Problem Details for %d; Content-Type %s, body: %s", response.status(), response.contentType(),
						response.body())
				.isTrue();
			softly.assertThat(response.body()).as("nothing internal in the body").doesNotContain(INTERNALS);
			if (request.field() != null) {
				softly.assertThat(errorFields(response))
					.as("errors[].field; body: %s", response.body())
					.contains(request.field());
			}
			softly.assertThat(jobsAfter).as("number of jobs after the request").isEqualTo(jobsBefore);
			softly.assertThat(victimStatus).as("GET of the job the request named").isEqualTo(404);
		});
	}

	@Test
	void duplicateJobIsRefusedWithConflictAndTheOriginalIsKept() {
		long jobsBefore = jobCount();
		Response created = this.api.post(JOBS, """
				{"group": "bad-input", "name": "original", "type": "noop",
				 "schedule": {"kind": "interval", "every": "PT1H"}}""");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		try {
			assertThat(jobCount()).isEqualTo(jobsBefore + 1);
			Response duplicate = this.api.post(JOBS, """
					{"group": "bad-input", "name": "original", "type": "noop",
					 "schedule": {"kind": "cron", "expression": "@daily"}}""");
			assertThat(duplicate.status()).as(duplicate.body()).isEqualTo(409);
			assertThat(duplicate.isProblem()).as(duplicate.body()).isTrue();
			assertThat(duplicate.body()).doesNotContain(INTERNALS);
			assertThat(jobCount()).isEqualTo(jobsBefore + 1);
			JsonNode original = this.api.get(JOBS + "/bad-input/original").json();
			assertThat(original.path("schedule").path("kind").asString()).isEqualTo("interval");
			assertThat(original.path("schedule").path("every").asString()).isEqualTo("PT1H");
		}
		finally {
			assertThat(this.api.delete(JOBS + "/bad-input/original").status()).isEqualTo(204);
		}
	}

	@Test
	void refusedReplacementLeavesTheJobAsItWas() {
		Response created = this.api.put(JOBS + "/bad-input/kept", """
				{"type": "noop", "schedule": {"kind": "cron", "expression": "0 9 * * 1-5"}, "timeZone": "Europe/Paris",
				 "misfirePolicy": "SKIP"}""");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		try {
			JsonNode before = this.api.get(JOBS + "/bad-input/kept").json();
			List<String> replacements = List.of("""
					{"type": "noop", "schedule": {"kind": "cron", "expression": "0 0 1 * 1"}}""", """
					{"type": "teleport", "schedule": {"kind": "interval", "every": "PT1M"}}""", """
					{"type": "noop", "schedule": {"kind": "interval", "every": "PT0.5S"}}""", """
					{"type": "noop", "schedule": {"kind": "interval", "every": "PT1M"}, "misfirePolicy": "LATER"}""",
					"""
							{"type": "noop", "schedule": {"kind": "once", "at": "2020-01-01T00:00:00Z"}}""");
			for (String replacement : replacements) {
				Response refused = this.api.put(JOBS + "/bad-input/kept", replacement);
				assertThat(refused.status()).as(refused.body()).isEqualTo(400);
				assertThat(refused.isProblem()).as(refused.body()).isTrue();
				assertThat(this.api.get(JOBS + "/bad-input/kept").json()).as(replacement).isEqualTo(before);
			}
		}
		finally {
			assertThat(this.api.delete(JOBS + "/bad-input/kept").status()).isEqualTo(204);
		}
	}

	static Stream<BadRequest> badRequests() {
		return Stream
			.of(malformedBodies(), wrongTypes(), missingFields(), badNamesInTheBody(), badNamesInThePath(),
					unknownValues(), badCronExpressions(), badIntervals(), badInstants(), badZonesAndDailySchedules(),
					badParams(), badRetriesAndTimeouts(), badSizesAndContentTypes(), wrongPathsAndMethods(),
					badQueryParameters(), badExecutionQueries(), badPreviews(), missingJobs())
			.flatMap(Function.identity());
	}

	private static Stream<BadRequest> malformedBodies() {
		return Stream.of(invalid("truncated JSON", "body", "bad-input/truncated", """
				{"group": "bad-input", "name": "truncated", "type": "noop",
				 "schedule": {"kind": "interval", "every": "PT1M"}"""),
				invalid("JSON followed by trailing garbage", "body", "bad-input/trailing", """
						{"group": "bad-input", "name": "trailing", "type": "noop",
						 "schedule": {"kind": "interval", "every": "PT1M"}} and more"""),
				invalid("a JSON array instead of an object", "body", null, """
						[{"group": "bad-input", "name": "in-array", "type": "noop"}]"""),
				invalid("a JSON string instead of an object", "body", null, "\"bad-input/in-string\""),
				invalid("JSON null instead of an object", "body", null, "null"),
				invalid("an empty body", "body", null, ""));
	}

	private static Stream<BadRequest> wrongTypes() {
		return Stream.of(invalid("name given as a number", "name", "bad-input/4242", """
				{"group": "bad-input", "name": 4242, "type": "noop",
				 "schedule": {"kind": "interval", "every": "PT1M"}}"""),
				invalid("schedule given as a string", "schedule", "bad-input/schedule-string", """
						{"group": "bad-input", "name": "schedule-string", "type": "noop",
						 "schedule": "every minute"}"""),
				invalid("interval every given as a boolean", "schedule.every", "bad-input/every-boolean", """
						{"group": "bad-input", "name": "every-boolean", "type": "noop",
						 "schedule": {"kind": "interval", "every": true}}"""),
				invalid("interval times given as a word", "schedule.times", "bad-input/times-word", """
						{"group": "bad-input", "name": "times-word", "type": "noop",
						 "schedule": {"kind": "interval", "every": "PT1M", "times": "three"}}"""),
				invalid("allowConcurrent given as yes", "allowConcurrent", "bad-input/concurrent-yes", """
						{"group": "bad-input", "name": "concurrent-yes", "type": "noop",
						 "schedule": {"kind": "interval", "every": "PT1M"}, "allowConcurrent": "yes"}"""),
				invalid("params given as an array", "params", "bad-input/params-array", """
						{"group": "bad-input", "name": "params-array", "type": "noop", "params": ["PT1S"],
						 "schedule": {"kind": "interval", "every": "PT1M"}}"""),
				invalid("daily days given as a string", "schedule.days", "bad-input/days-string", """
						{"group": "bad-input", "name": "days-string", "type": "noop",
						 "schedule": {"kind": "daily", "at": "12:00", "days": "MON"}}"""),
				invalid("startAt given as epoch milliseconds instead of an ISO-8601 instant", "startAt",
						"bad-input/start-number", """
								{"group": "bad-input", "name": "start-number", "type": "noop",
								 "schedule": {"kind": "interval", "every": "PT1M"}, "startAt": 1893456000000}"""));
	}

	private static Stream<BadRequest> missingFields() {
		return Stream.of(invalid("POST without a name", "name", null, """
				{"group": "bad-input", "type": "noop", "schedule": {"kind": "interval", "every": "PT1M"}}"""), invalid(
				"no type", "type", "bad-input/no-type",
				"""
						{"group": "bad-input", "name": "no-type", "schedule": {"kind": "interval", "every": "PT1M"}}"""),
				invalid("an empty type", "type", "bad-input/empty-type", """
						{"group": "bad-input", "name": "empty-type", "type": "",
						 "schedule": {"kind": "interval", "every": "PT1M"}}"""),
				invalid("no schedule", "schedule", "bad-input/no-schedule", """
						{"group": "bad-input", "name": "no-schedule", "type": "noop"}"""),
				invalid("a schedule without a kind", "schedule", "bad-input/no-kind", """
						{"group": "bad-input", "name": "no-kind", "type": "noop", "schedule": {"every": "PT1M"}}"""),
				invalid("an interval without every", "schedule.every", "bad-input/no-every",
						"""
								{"group": "bad-input", "name": "no-every", "type": "noop", "schedule": {"kind": "interval"}}"""),
				invalid("a cron schedule without an expression", "schedule.expression", "bad-input/no-expression",
						"""
								{"group": "bad-input", "name": "no-expression", "type": "noop", "schedule": {"kind": "cron"}}"""),
				invalid("a once schedule with neither at nor after", "schedule", "bad-input/once-neither",
						"""
								{"group": "bad-input", "name": "once-neither", "type": "noop", "schedule": {"kind": "once"}}"""),
				invalid("a once schedule with both at and after", "schedule", "bad-input/once-both", """
						{"group": "bad-input", "name": "once-both", "type": "noop",
						 "schedule": {"kind": "once", "at": "2099-01-01T00:00:00Z", "after": "PT1M"}}"""),
				invalid("a daily schedule without at", "schedule.at", "bad-input/daily-no-at", """
						{"group": "bad-input", "name": "daily-no-at", "type": "noop",
						 "schedule": {"kind": "daily", "days": ["MON"]}}"""));
	}

	private static Stream<BadRequest> badNamesInTheBody() {
		return Stream.of(badName("a/b"), badName(".."), badName(".hidden"), badName("a b"), badName("j\u00f6b"),
				badName("job\uD83D\uDE80"), badName("n".repeat(101)), badName("x'; DROP TABLE TK_JOB;--"), badName(""),
				invalid("a group with a slash", "group", null, """
						{"group": "bad/input", "name": "slashed-group", "type": "noop",
						 "schedule": {"kind": "interval", "every": "PT1M"}}"""),
				invalid("a group of two dots", "group", null, """
						{"group": "..", "name": "dotted-group", "type": "noop",
						 "schedule": {"kind": "interval", "every": "PT1M"}}"""),
				invalid("an empty group", "group", null, """
						{"group": "", "name": "empty-group", "type": "noop",
						 "schedule": {"kind": "interval", "every": "PT1M"}}"""));
	}

	private static BadRequest badName(String name) {
		return invalid("the name '%s'".formatted((name.length() > 20) ? name.substring(0, 20) + "..." : name), "name",
				null, """
						{"group": "bad-input", "name": "%s", "type": "noop",
						 "schedule": {"kind": "interval", "every": "PT1M"}}""".formatted(name));
	}

	private static Stream<BadRequest> badNamesInThePath() {
		String valid = """
				{"type": "noop", "schedule": {"kind": "interval", "every": "PT1M"}}""";
		return Stream.of(
				// refused by Spring Security's firewall before any controller sees them
				request("PUT to an encoded slash in the name", "PUT", JOBS + "/default/a%2Fb", JSON, valid, 400, "path",
						null),
				request("GET of an encoded '..' name", "GET", JOBS + "/default/%2e%2e", null, null, 400, "path", null),
				request("GET of an encoded '..' group", "GET", JOBS + "/%2e%2e/victim", null, null, 400, "path", null),
				request("PUT to a name with an encoded umlaut", "PUT", JOBS + "/bad-input/j%C3%B6b", JSON, valid, 400,
						"name", null),
				request("PUT to a 101-character name", "PUT", JOBS + "/bad-input/" + "p".repeat(101), JSON, valid, 400,
						"name", null),
				request("PUT to a name starting with a dot", "PUT", JOBS + "/bad-input/.hidden", JSON, valid, 400,
						"name", null),
				request("DELETE of a group with a space", "DELETE", JOBS + "/a%20b/victim", null, null, 400, "group",
						null),
				request("GET of a name with an encoded NUL", "GET", JOBS + "/default/a%00b", null, null, 400, null,
						null),
				request("PUT whose body names another job", "PUT", JOBS + "/bad-input/put-path", JSON, """
						{"name": "put-body", "type": "noop", "schedule": {"kind": "interval", "every": "PT1M"}}""", 400,
						"name", "bad-input/put-path"),
				request("PUT whose body names another group", "PUT", JOBS + "/bad-input/put-group", JSON, """
						{"group": "other", "type": "noop", "schedule": {"kind": "interval", "every": "PT1M"}}""", 400,
						"group", "bad-input/put-group"));
	}

	private static Stream<BadRequest> unknownValues() {
		return Stream.of(invalid("an unknown job type", "type", "bad-input/unknown-type", """
				{"group": "bad-input", "name": "unknown-type", "type": "teleport",
				 "schedule": {"kind": "interval", "every": "PT1M"}}"""),
				invalid("an unknown schedule kind", "schedule", "bad-input/unknown-kind", """
						{"group": "bad-input", "name": "unknown-kind", "type": "noop",
						 "schedule": {"kind": "weekly", "every": "PT1M"}}"""),
				invalid("an unknown misfire policy", "misfirePolicy", "bad-input/unknown-misfire", """
						{"group": "bad-input", "name": "unknown-misfire", "type": "noop", "misfirePolicy": "LATER",
						 "schedule": {"kind": "interval", "every": "PT1M"}}"""),
				invalid("FIRE_ALL with a cron schedule", "misfirePolicy", "bad-input/fire-all-cron", """
						{"group": "bad-input", "name": "fire-all-cron", "type": "noop", "misfirePolicy": "FIRE_ALL",
						 "schedule": {"kind": "cron", "expression": "0 0 * * * ?"}}"""),
				invalid("FIRE_ALL with a once schedule", "misfirePolicy", "bad-input/fire-all-once", """
						{"group": "bad-input", "name": "fire-all-once", "type": "noop", "misfirePolicy": "FIRE_ALL",
						 "schedule": {"kind": "once", "after": "PT1H"}}"""),
				invalid("an unknown field (typo shedule)", "shedule", "bad-input/typo", """
						{"group": "bad-input", "name": "typo", "type": "noop",
						 "shedule": {"kind": "interval", "every": "PT1M"}}"""),
				invalid("an unknown field inside the schedule", "schedule.evry", "bad-input/schedule-typo", """
						{"group": "bad-input", "name": "schedule-typo", "type": "noop",
						 "schedule": {"kind": "interval", "every": "PT1M", "evry": "PT2M"}}"""));
	}

	private static Stream<BadRequest> badCronExpressions() {
		return Stream.of(badCron("hour 25 in a Quartz expression", "0 0 25 * * ?", "schedule.expression"),
				badCron("minute 61 in a Unix expression", "61 * * * *", "schedule.expression"),
				badCron("minute 99 in a Unix expression (Quartz's own mark for '*')", "99 * * * *",
						"schedule.expression"),
				badCron("four cron fields", "* * * *", "schedule.expression"),
				badCron("eight cron fields", "0 0 0 * * ? 2030 1", "schedule.expression"),
				badCron("the unknown macro @reboot", "@reboot", "schedule.expression"),
				badCron("Unix cron restricting both day of month and day of week", "0 0 1 * 1", "schedule.expression"),
				badCron("an unknown day name in cron", "0 0 12 ? * FUNDAY", "schedule.expression"),
				badCron("a blank cron expression", "   ", "schedule.expression"),
				badCron("a cron expression that never fires (30 February)", "0 0 0 30 2 ?", "schedule"));
	}

	private static BadRequest badCron(String description, String expression, String field) {
		String name = "cron-" + Integer.toHexString(expression.hashCode());
		return invalid(description, field, "bad-input/" + name, """
				{"group": "bad-input", "name": "%s", "type": "noop",
				 "schedule": {"kind": "cron", "expression": "%s"}}""".formatted(name, expression));
	}

	private static Stream<BadRequest> badIntervals() {
		return Stream.of(badEvery("interval of zero", "PT0S"), badEvery("negative interval", "-PT5S"),
				badEvery("sub-second interval", "PT0.5S"), badEvery("interval in years", "P1Y"),
				badEvery("interval that is not a duration", "abc"),
				badEvery("interval too long to count in milliseconds", "PT2562047788015215H"),
				invalid("interval with zero times", "schedule.times", "bad-input/times-zero", """
						{"group": "bad-input", "name": "times-zero", "type": "noop",
						 "schedule": {"kind": "interval", "every": "PT1M", "times": 0}}"""),
				invalid("a negative jitter", "jitter", "bad-input/jitter-negative", """
						{"group": "bad-input", "name": "jitter-negative", "type": "noop", "jitter": "-PT1S",
						 "schedule": {"kind": "interval", "every": "PT1M"}}"""),
				invalid("a jitter over an hour", "jitter", "bad-input/jitter-long", """
						{"group": "bad-input", "name": "jitter-long", "type": "noop", "jitter": "PT2H",
						 "schedule": {"kind": "interval", "every": "PT1M"}}"""));
	}

	private static BadRequest badEvery(String description, String every) {
		String name = "every-" + Integer.toHexString(every.hashCode());
		return invalid(description, "schedule.every", "bad-input/" + name, """
				{"group": "bad-input", "name": "%s", "type": "noop",
				 "schedule": {"kind": "interval", "every": "%s"}}""".formatted(name, every));
	}

	private static Stream<BadRequest> badInstants() {
		return Stream.of(invalid("an unparseable startAt", "startAt", "bad-input/start-word", """
				{"group": "bad-input", "name": "start-word", "type": "noop", "startAt": "tomorrow",
				 "schedule": {"kind": "interval", "every": "PT1M"}}"""),
				invalid("an endAt in month 13", "endAt", "bad-input/end-month", """
						{"group": "bad-input", "name": "end-month", "type": "noop", "endAt": "2030-13-01T00:00:00Z",
						 "schedule": {"kind": "interval", "every": "PT1M"}}"""),
				invalid("an unparseable once.at", "schedule.at", "bad-input/once-word", """
						{"group": "bad-input", "name": "once-word", "type": "noop",
						 "schedule": {"kind": "once", "at": "next tuesday"}}"""),
				invalid("a once.at without an offset", "schedule.at", "bad-input/once-local", """
						{"group": "bad-input", "name": "once-local", "type": "noop",
						 "schedule": {"kind": "once", "at": "2030-01-01T00:00:00"}}"""),
				invalid("endAt before startAt", "endAt", "bad-input/end-first", """
						{"group": "bad-input", "name": "end-first", "type": "noop",
						 "startAt": "2031-01-01T00:00:00Z", "endAt": "2030-01-01T00:00:00Z",
						 "schedule": {"kind": "interval", "every": "PT1M"}}"""),
				invalid("endAt in the past", "endAt", "bad-input/end-past", """
						{"group": "bad-input", "name": "end-past", "type": "noop", "endAt": "2020-01-01T00:00:00Z",
						 "schedule": {"kind": "interval", "every": "PT1M"}}"""),
				invalid("once.at in the past", "schedule.at", "bad-input/once-past", """
						{"group": "bad-input", "name": "once-past", "type": "noop",
						 "schedule": {"kind": "once", "at": "2020-01-01T00:00:00Z"}}"""),
				invalid("a negative once.after", "schedule.after", "bad-input/once-negative", """
						{"group": "bad-input", "name": "once-negative", "type": "noop",
						 "schedule": {"kind": "once", "after": "-PT1M"}}"""),
				invalid("a once.at before startAt", "schedule", "bad-input/once-early", """
						{"group": "bad-input", "name": "once-early", "type": "noop", "startAt": "2032-01-01T00:00:00Z",
						 "schedule": {"kind": "once", "at": "2031-01-01T00:00:00Z"}}"""),
				invalid("a startAt in the year 1000000000", "startAt", "bad-input/start-far",
						"""
								{"group": "bad-input", "name": "start-far", "type": "noop",
								 "startAt": "+1000000000-01-01T00:00:00Z", "schedule": {"kind": "interval", "every": "PT1M"}}"""),
				invalid("a once.after too long to add to now", "schedule.after", "bad-input/after-far", """
						{"group": "bad-input", "name": "after-far", "type": "noop",
						 "schedule": {"kind": "once", "after": "PT2562047788015215H"}}"""));
	}

	private static Stream<BadRequest> badZonesAndDailySchedules() {
		return Stream.of(invalid("an unknown time zone", "timeZone", "bad-input/zone", """
				{"group": "bad-input", "name": "zone", "type": "noop", "timeZone": "Mars/Olympus_Mons",
				 "schedule": {"kind": "cron", "expression": "@daily"}}"""),
				invalid("daily at 25:00", "schedule.at", "bad-input/daily-25", """
						{"group": "bad-input", "name": "daily-25", "type": "noop",
						 "schedule": {"kind": "daily", "at": "25:00"}}"""),
				invalid("daily at a fraction of a second", "schedule.at", "bad-input/daily-nanos", """
						{"group": "bad-input", "name": "daily-nanos", "type": "noop",
						 "schedule": {"kind": "daily", "at": "12:00:00.5"}}"""),
				invalid("daily on the unknown weekday FUNDAY", "schedule.days[0]", "bad-input/funday", """
						{"group": "bad-input", "name": "funday", "type": "noop",
						 "schedule": {"kind": "daily", "at": "12:00", "days": ["FUNDAY"]}}"""),
				invalid("daily with a null weekday", "schedule.days[1]", "bad-input/null-day", """
						{"group": "bad-input", "name": "null-day", "type": "noop",
						 "schedule": {"kind": "daily", "at": "12:00", "days": ["MON", null]}}"""),
				invalid("daily with eight days", "schedule.days", "bad-input/eight-days", """
						{"group": "bad-input", "name": "eight-days", "type": "noop",
						 "schedule": {"kind": "daily", "at": "12:00",
						              "days": ["MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN", "MON"]}}"""));
	}

	private static Stream<BadRequest> badParams() {
		return Stream.of(invalid("an unknown noop param", "params.sleep", "bad-input/param-unknown", """
				{"group": "bad-input", "name": "param-unknown", "type": "noop", "params": {"sleep": "PT1S"},
				 "schedule": {"kind": "interval", "every": "PT1M"}}"""),
				invalid("a noop duration over a day", "params.duration", "bad-input/param-long", """
						{"group": "bad-input", "name": "param-long", "type": "noop", "params": {"duration": "PT48H"},
						 "schedule": {"kind": "interval", "every": "PT1M"}}"""),
				invalid("a noop duration that is not a duration", "params.duration", "bad-input/param-abc", """
						{"group": "bad-input", "name": "param-abc", "type": "noop", "params": {"duration": "abc"},
						 "schedule": {"kind": "interval", "every": "PT1M"}}"""),
				invalid("a noop fail that is not a boolean", "params.fail", "bad-input/param-maybe", """
						{"group": "bad-input", "name": "param-maybe", "type": "noop", "params": {"fail": "maybe"},
						 "schedule": {"kind": "interval", "every": "PT1M"}}"""));
	}

	private static Stream<BadRequest> badRetriesAndTimeouts() {
		return Stream.of(options("retry of 0 attempts", "retry.maxAttempts", "\"retry\": {\"maxAttempts\": 0}"),
				options("retry of 11 attempts", "retry.maxAttempts", "\"retry\": {\"maxAttempts\": 11}"),
				options("retry without maxAttempts", "retry.maxAttempts", "\"retry\": {\"backoff\": \"PT1S\"}"),
				options("retry attempts as text", "retry.maxAttempts", "\"retry\": {\"maxAttempts\": \"three\"}"),
				options("retry backoff under a second", "retry.backoff",
						"\"retry\": {\"maxAttempts\": 2, \"backoff\": \"PT0.5S\"}"),
				options("retry backoff over an hour", "retry.backoff",
						"\"retry\": {\"maxAttempts\": 2, \"backoff\": \"PT2H\"}"),
				options("retry backoff negative", "retry.backoff",
						"\"retry\": {\"maxAttempts\": 2, \"backoff\": \"-PT5S\"}"),
				options("retry with an unknown field", "retry.jitter",
						"\"retry\": {\"maxAttempts\": 2, \"jitter\": \"PT5S\"}"),
				options("retry as a number", "retry", "\"retry\": 3"),
				options("timeout of zero", "timeout", "\"timeout\": \"PT0S\""),
				options("timeout negative", "timeout", "\"timeout\": \"-PT1S\""),
				options("timeout over a day", "timeout", "\"timeout\": \"P2D\""),
				options("timeout that is not a duration", "timeout", "\"timeout\": \"10 seconds\""));
	}

	private static BadRequest options(String description, String field, String option) {
		return invalid(description, field, "bad-input/options", """
				{"group": "bad-input", "name": "options", "type": "noop",
				 "schedule": {"kind": "interval", "every": "PT1M"}, %s}""".formatted(option));
	}

	private static Stream<BadRequest> badExecutionQueries() {
		String executions = "/api/v1/executions";
		return Stream.of(executions(executions + "?outcome=MAYBE", "outcome"),
				executions(executions + "?from=yesterday", "from"), executions(executions + "?to=2030-13-01", "to"),
				executions(executions + "?from=2030-01-02T00:00:00Z&to=2030-01-01T00:00:00Z", "from"),
				executions(executions + "?page=-1", "page"), executions(executions + "?size=0", "size"),
				executions(executions + "?size=501", "size"), executions(executions + "?group=a%2Fb", "group"),
				executions(executions + "?name=%27%3B%20DROP%20TABLE%20TK_EXECUTION%3B--", "name"),
				executions(executions + "/abc", "id"),
				executions(JOBS + "/default/some-job/executions?outcome=MAYBE", "outcome"),
				executions(JOBS + "/default/.hidden/executions", "name"),
				request("GET of a missing execution", "GET", executions + "/999999999", null, null, 404, null, null),
				request("executions of a missing job", "GET", JOBS + "/default/nope/executions", null, null, 404, null,
						null),
				request("POST to the executions", "POST", executions, JSON, "{}", 405, null, null));
	}

	private static BadRequest executions(String path, @Nullable String field) {
		return request("GET " + path, "GET", path, null, null, 400, field, null);
	}

	private static Stream<BadRequest> badSizesAndContentTypes() {
		String valid = """
				{"group": "bad-input", "name": "%s", "type": "noop",
				 "schedule": {"kind": "interval", "every": "PT1M"}}""";
		return Stream.of(
				request("a body over 64 KB", "POST", JOBS, JSON, """
						{"group": "bad-input", "name": "oversized", "type": "noop", "description": "%s",
						 "schedule": {"kind": "interval", "every": "PT1M"}}""".formatted("d".repeat(70_000)), 413, null,
						"bad-input/oversized"),
				invalid("a description of 1001 characters", "description", "bad-input/long-description", """
						{"group": "bad-input", "name": "long-description", "type": "noop", "description": "%s",
						 "schedule": {"kind": "interval", "every": "PT1M"}}""".formatted("d".repeat(1001))),
				invalid("a type of 101 characters", "type", "bad-input/long-type", """
						{"group": "bad-input", "name": "long-type", "type": "%s",
						 "schedule": {"kind": "interval", "every": "PT1M"}}""".formatted("t".repeat(101))),
				invalid("a time zone of 65 characters", "timeZone", "bad-input/long-zone", """
						{"group": "bad-input", "name": "long-zone", "type": "noop", "timeZone": "%s",
						 "schedule": {"kind": "interval", "every": "PT1M"}}""".formatted("z".repeat(65))),
				request("POST as text/plain", "POST", JOBS, "text/plain", valid.formatted("as-text"), 415, null,
						"bad-input/as-text"),
				request("POST as application/xml", "POST", JOBS, "application/xml",
						"<job><group>bad-input</group><name>as-xml</name></job>", 415, null, "bad-input/as-xml"),
				request("PUT as text/plain", "PUT", JOBS + "/bad-input/put-text", "text/plain",
						valid.formatted("put-text"), 415, null, "bad-input/put-text"),
				request("POST without a Content-Type", "POST", JOBS, null, valid.formatted("no-content-type"), 415,
						null, "bad-input/no-content-type"));
	}

	private static Stream<BadRequest> wrongPathsAndMethods() {
		return Stream.of(request("GET of an unknown path", "GET", "/api/v1/nothing-here", null, null, 404, null, null),
				request("GET of the error page itself", "GET", "/error", null, null, 404, null, null),
				request("POST to an unknown path", "POST", "/api/v2/jobs", JSON, """
						{"group": "bad-input", "name": "v2", "type": "noop",
						 "schedule": {"kind": "interval", "every": "PT1M"}}""", 404, null, "bad-input/v2"),
				request("PATCH of the jobs collection", "PATCH", JOBS, JSON, """
						{"group": "bad-input", "name": "patched", "type": "noop",
						 "schedule": {"kind": "interval", "every": "PT1M"}}""", 405, null, "bad-input/patched"),
				request("DELETE of the jobs collection", "DELETE", JOBS, null, null, 405, null, null),
				request("PUT to the jobs collection", "PUT", JOBS, JSON, """
						{"group": "bad-input", "name": "put-collection", "type": "noop",
						 "schedule": {"kind": "interval", "every": "PT1M"}}""", 405, null, "bad-input/put-collection"));
	}

	private static Stream<BadRequest> badQueryParameters() {
		return Stream.of(query("page=abc", "page"), query("page=-1", "page"), query("size=0", "size"),
				query("size=501", "size"), query("size=abc", "size"), query("state=FOO", "state"),
				query("sort=bogus", "sort"), query("sort=,desc", "sort"), query("group=a%20b", "group"));
	}

	private static BadRequest query(String query, String field) {
		return request("GET /jobs?" + query, "GET", JOBS + "?" + query, null, null, 400, field, null);
	}

	private static Stream<BadRequest> badPreviews() {
		String preview = "/api/v1/schedules/preview";
		return Stream.of(request("preview of count 0", "POST", preview, JSON, """
				{"schedule": {"kind": "interval", "every": "PT1M"}, "count": 0}""", 400, "count", null),
				request("preview of count 101", "POST", preview, JSON, """
						{"schedule": {"kind": "interval", "every": "PT1M"}, "count": 101}""", 400, "count", null),
				request("preview without a schedule", "POST", preview, JSON, """
						{"count": 5}""", 400, "schedule", null),
				request("preview in an unknown time zone", "POST", preview, JSON, """
						{"schedule": {"kind": "cron", "expression": "@daily"}, "timeZone": "Nowhere/City"}""", 400,
						"timeZone", null),
				request("preview of an invalid cron expression", "POST", preview, JSON, """
						{"schedule": {"kind": "cron", "expression": "@reboot"}}""", 400, "schedule.expression", null),
				request("preview of malformed JSON", "POST", preview, JSON,
						"{\"schedule\": {\"kind\": \"interval\", \"every\": \"PT1M\"", 400, null, null));
	}

	private static Stream<BadRequest> missingJobs() {
		return Stream.of(request("GET of a missing job", "GET", JOBS + "/default/nope", null, null, 404, null, null),
				request("DELETE of a missing job", "DELETE", JOBS + "/default/nope", null, null, 404, null,
						"default/nope"),
				request("pause of a missing job", "POST", JOBS + "/default/nope/pause", null, null, 404, null,
						"default/nope"),
				request("resume of a missing job", "POST", JOBS + "/default/nope/resume", null, null, 404, null,
						"default/nope"),
				request("run of a missing job", "POST", JOBS + "/default/nope/run", null, null, 404, null,
						"default/nope"),
				request("pause of a group with no jobs", "POST", "/api/v1/groups/bad-input-empty/pause", null, null,
						404, null, null),
				request("resume of a group with no jobs", "POST", "/api/v1/groups/bad-input-empty/resume", null, null,
						404, null, null));
	}

	private static BadRequest invalid(String description, String field, @Nullable String victim, String body) {
		return request(description, "POST", JOBS, JSON, body, 400, field, victim);
	}

	private static BadRequest request(String description, String method, String path, @Nullable String contentType,
			@Nullable String body, int status, @Nullable String field, @Nullable String victim) {
		return new BadRequest(description, method, path, contentType, body, status, field, victim);
	}

	private long jobCount() {
		Response jobs = this.api.get(JOBS + "?size=1");
		assertThat(jobs.status()).as(jobs.body()).isEqualTo(200);
		return jobs.json().path("page").path("totalElements").asLong();
	}

	/**
	 * The status of a GET of the job; a job that a bad request did create is deleted, so
	 * that one failing case leaves nothing behind for the others.
	 */
	private int removeIfCreated(String job) {
		int status = this.api.get(JOBS + "/" + job).status();
		if (status == 200) {
			this.api.delete(JOBS + "/" + job);
		}
		return status;
	}

	private static List<String> errorFields(Response response) {
		return response.json().path("errors").valueStream().map((error) -> error.path("field").asString()).toList();
	}

	/**
	 * One bad request and what the answer must be.
	 *
	 * @param description what is wrong with it, as the test's name
	 * @param method the HTTP method
	 * @param path the path and query, already encoded
	 * @param contentType the Content-Type, or null for none
	 * @param body the body, or null for none
	 * @param status the expected status
	 * @param field the field that {@code errors[].field} must name, or null when none
	 * applies
	 * @param victim the job ({@code group/name}) the request names, which must not exist
	 * afterwards, or null
	 */
	record BadRequest(String description, String method, String path, @Nullable String contentType,
			@Nullable String body, int status, @Nullable String field, @Nullable String victim) {

		@Override
		public String toString() {
			return this.description;
		}

	}

}
