package dev.timekeeper.jobs;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import dev.timekeeper.support.Api.Response;
import dev.timekeeper.support.ApiTestSupport;
import dev.timekeeper.support.RecordingJobType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every endpoint of the REST API does what the specification says on its success paths,
 * over a real port and the real H2 file database: creating jobs of every schedule kind
 * (and reading them back with every default filled in), time zones, PUT as create and as
 * replace, listing with paging, filters and sorting, pausing and resuming a group and the
 * whole scheduler, schedule previews, job types, the OpenAPI document (whose examples all
 * work as written), Swagger UI and the health endpoint. Job lifecycles (firing, pausing,
 * running by hand, deleting) are {@link JobLifecycleTests}'s.
 */
class JobsApiTests extends ApiTestSupport {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	private int serverPort;

	static Stream<Arguments> schedules() {
		Stream.Builder<Arguments> schedules = Stream.builder();
		schedules.add(Arguments.of("interval", """
				{"kind": "interval", "every": "PT1H"}"""));
		schedules.add(Arguments.of("interval-times", """
				{"kind": "interval", "every": "PT30M", "times": 3}"""));
		schedules.add(Arguments.of("quartz-cron", """
				{"kind": "cron", "expression": "0 0 9 ? * MON-FRI"}"""));
		schedules.add(Arguments.of("unix-cron", """
				{"kind": "cron", "expression": "30 2 * * 1-5"}"""));
		schedules.add(Arguments.of("macro", """
				{"kind": "cron", "expression": "@weekly"}"""));
		schedules.add(Arguments.of("once-after", """
				{"kind": "once", "after": "PT10M"}"""));
		schedules.add(Arguments.of("once-at", """
				{"kind": "once", "at": "2030-01-01T09:00:00Z"}"""));
		schedules.add(Arguments.of("daily", """
				{"kind": "daily", "at": "12:00", "days": ["MON", "FRI"]}"""));
		schedules.add(Arguments.of("daily-seconds", """
				{"kind": "daily", "at": "07:15:30"}"""));
		return schedules.build();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("schedules")
	void everyScheduleKindIsCreatedAndReadBackWithItsDefaultsFilledIn(String kind, String schedule) {
		String name = "api-defaults-" + kind;
		Response created = this.api.post("/api/v1/jobs", """
				{"name": "%s", "type": "noop", "schedule": %s}""".formatted(name, schedule));
		try {
			assertThat(created.status()).as(created.body()).isEqualTo(201);
			assertThat(created.location()).endsWith("/api/v1/jobs/default/" + name);
			Response read = this.api.get(URI.create(created.location()).getPath());
			assertThat(read.status()).isEqualTo(200);
			JsonNode job = read.json();
			assertThat(job).isEqualTo(created.json());
			assertThat(job.path("group").asString()).isEqualTo("default");
			assertThat(job.path("name").asString()).isEqualTo(name);
			assertThat(job.path("type").asString()).isEqualTo("noop");
			assertThat(sameSchedule(job.path("schedule"), JSON.readTree(schedule)))
				.as("%s is %s", job.path("schedule"), schedule)
				.isTrue();
			assertThat(job.path("timeZone").asString()).isEqualTo("UTC");
			assertThat(job.path("misfirePolicy").asString()).isEqualTo("FIRE_NOW");
			assertThat(job.path("allowConcurrent").isBoolean()).isTrue();
			assertThat(job.path("allowConcurrent").asBoolean()).isFalse();
			assertThat(job.path("params")).isEqualTo(JSON.readTree("""
					{"duration": "PT0S", "fail": false}"""));
			assertThat(job.path("state").asString()).isEqualTo("NORMAL");
			assertThat(Instant.parse(job.path("nextFireTime").asString())).isAfter(Instant.now().minusSeconds(5));
			assertThat(job.has("previousFireTime")).isFalse();
			assertThat(job.has("createdAt")).isTrue();
			assertThat(job.has("updatedAt")).isTrue();
		}
		finally {
			this.api.delete("/api/v1/jobs/default/" + name);
		}
	}

	@Test
	void everyOptionGivenIsKeptAsGiven() {
		Response created = this.api.post("/api/v1/jobs", """
				{"group": "api-options", "name": "everything", "type": "noop", "description": "All options",
				 "params": {"duration": "PT0.5S", "fail": true},
				 "schedule": {"kind": "cron", "expression": "0 0 9 * * ?"},
				 "startAt": "2030-01-01T00:00:00Z", "endAt": "2031-01-01T00:00:00Z",
				 "timeZone": "Europe/Paris", "misfirePolicy": "SKIP", "allowConcurrent": true, "jitter": "PT5S"}""");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode job = this.api.get("/api/v1/jobs/api-options/everything").json();
		assertThat(job.path("description").asString()).isEqualTo("All options");
		assertThat(job.path("params")).isEqualTo(JSON.readTree("""
				{"duration": "PT0.5S", "fail": true}"""));
		assertThat(job.path("startAt").asString()).isEqualTo("2030-01-01T00:00:00Z");
		assertThat(job.path("endAt").asString()).isEqualTo("2031-01-01T00:00:00Z");
		assertThat(job.path("timeZone").asString()).isEqualTo("Europe/Paris");
		assertThat(job.path("misfirePolicy").asString()).isEqualTo("SKIP");
		assertThat(job.path("allowConcurrent").asBoolean()).isTrue();
		assertThat(job.path("jitter").asString()).isEqualTo("PT5S");
		// 09:00 in Paris on the first day of the window is 08:00 UTC.
		assertThat(job.path("nextFireTime").asString()).isEqualTo("2030-01-01T08:00:00Z");
	}

	@ParameterizedTest
	@ValueSource(strings = { "0 0 9 * * ?", "0 9 * * *" })
	void cronJobsNextFireTimeHonoursItsTimeZone(String expression) {
		String name = (expression.split(" ").length == 5) ? "tokyo-unix" : "tokyo-quartz";
		Instant before = Instant.now();
		Response created = this.api.post("/api/v1/jobs", """
				{"group": "api-zones", "name": "%s", "type": "noop",
				 "schedule": {"kind": "cron", "expression": "%s"}, "timeZone": "Asia/Tokyo"}""".formatted(name,
				expression));
		Instant after = Instant.now();
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode job = this.api.get("/api/v1/jobs/api-zones/" + name).json();
		assertThat(job.path("timeZone").asString()).isEqualTo("Asia/Tokyo");
		// 09:00 in Tokyo (UTC+9, no daylight saving) is midnight UTC.
		assertThat(Instant.parse(job.path("nextFireTime").asString())).isIn(nextUtcMidnight(before),
				nextUtcMidnight(after));
	}

	@Test
	void putCreatesAJobThenReplacesItWithAChangedSchedule() {
		Response created = this.api.put("/api/v1/jobs/api-put/replaceable", """
				{"type": "noop", "schedule": {"kind": "interval", "every": "PT1H"}}""");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.location()).endsWith("/api/v1/jobs/api-put/replaceable");
		assertThat(created.json().path("group").asString()).isEqualTo("api-put");
		assertThat(created.json().path("name").asString()).isEqualTo("replaceable");

		Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		Response replaced = this.api.put("/api/v1/jobs/api-put/replaceable", """
				{"group": "api-put", "name": "replaceable", "type": "noop", "description": "Now every ten minutes",
				 "params": {"fail": true}, "schedule": {"kind": "interval", "every": "PT10M", "times": 2}}""");
		Instant after = Instant.now();
		assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
		JsonNode job = this.api.get("/api/v1/jobs/api-put/replaceable").json();
		assertThat(job).isEqualTo(replaced.json());
		assertThat(job.path("schedule")).isEqualTo(JSON.readTree("""
				{"kind": "interval", "every": "PT10M", "times": 2}"""));
		assertThat(job.path("description").asString()).isEqualTo("Now every ten minutes");
		assertThat(job.path("params").path("fail").asBoolean()).isTrue();
		assertThat(job.path("state").asString()).isEqualTo("NORMAL");
		// The new schedule counts from the replacement.
		assertThat(Instant.parse(job.path("nextFireTime").asString())).isBetween(before.plus(Duration.ofMinutes(10)),
				after.plus(Duration.ofMinutes(10)));
		assertThat(job.path("createdAt")).isEqualTo(created.json().path("createdAt"));
		assertThat(Instant.parse(job.path("updatedAt").asString()))
			.isAfterOrEqualTo(Instant.parse(created.json().path("updatedAt").asString()));

		Response again = this.api.put("/api/v1/jobs/api-put/replaceable", """
				{"type": "noop", "description": "Now every ten minutes", "params": {"fail": true},
				 "schedule": {"kind": "interval", "every": "PT10M", "times": 2}}""");
		assertThat(again.status()).as("PUT is idempotent").isEqualTo(200);
		assertThat(this.api.get("/api/v1/jobs?group=api-put").json().path("page").path("totalElements").asLong())
			.isEqualTo(1);
	}

	@Test
	void pausedJobStaysPausedWhenPutReplacesIt() {
		assertThat(this.api.put("/api/v1/jobs/api-put-paused/paused", """
				{"type": "noop", "schedule": {"kind": "cron", "expression": "@daily"}}""").status()).isEqualTo(201);
		assertThat(this.api.post("/api/v1/jobs/api-put-paused/paused/pause").json().path("state").asString())
			.isEqualTo("PAUSED");

		Response replaced = this.api.put("/api/v1/jobs/api-put-paused/paused", """
				{"type": "noop", "schedule": {"kind": "cron", "expression": "@hourly"}}""");
		assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
		assertThat(replaced.json().path("state").asString()).isEqualTo("PAUSED");
		JsonNode job = this.api.get("/api/v1/jobs/api-put-paused/paused").json();
		assertThat(job.path("state").asString()).isEqualTo("PAUSED");
		assertThat(job.path("schedule").path("expression").asString()).isEqualTo("@hourly");
		Instant next = Instant.parse(job.path("nextFireTime").asString());
		assertThat(next.truncatedTo(ChronoUnit.HOURS)).isEqualTo(next);

		assertThat(this.api.post("/api/v1/jobs/api-put-paused/paused/resume").json().path("state").asString())
			.isEqualTo("NORMAL");
	}

	static Stream<Arguments> scheduleChanges() {
		String interval = """
				{"kind": "interval", "every": "PT1H"}""";
		String cron = """
				{"kind": "cron", "expression": "@daily"}""";
		String daily = """
				{"kind": "daily", "at": "10:00"}""";
		String once = """
				{"kind": "once", "after": "PT1H"}""";
		return Stream.of(Arguments.of("interval-to-cron", interval, cron),
				Arguments.of("interval-to-daily", interval, daily), Arguments.of("cron-to-interval", cron, interval),
				Arguments.of("daily-to-once", daily, once), Arguments.of("cron-to-daily", cron, daily),
				Arguments.of("once-to-interval", once, interval));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("scheduleChanges")
	void jobReplacedWithAScheduleOfAnotherKindCanStillBePausedResumedAndDeleted(String change, String from, String to) {
		String path = "/api/v1/jobs/api-put-kinds/" + change;
		assertThat(this.api.put(path, """
				{"type": "noop", "schedule": %s}""".formatted(from)).status()).isEqualTo(201);
		Response replaced = this.api.put(path, """
				{"type": "noop", "schedule": %s}""".formatted(to));
		assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
		assertThat(sameSchedule(replaced.json().path("schedule"), JSON.readTree(to))).isTrue();

		Response paused = this.api.post(path + "/pause");
		assertThat(paused.status()).as(paused.body()).isEqualTo(200);
		assertThat(paused.json().path("state").asString()).isEqualTo("PAUSED");
		Response resumed = this.api.post(path + "/resume");
		assertThat(resumed.status()).as(resumed.body()).isEqualTo(200);
		assertThat(resumed.json().path("state").asString()).isEqualTo("NORMAL");
		assertThat(this.api.delete(path).status()).isEqualTo(204);
		assertThat(this.api.get(path).status()).isEqualTo(404);
	}

	@Test
	void jobReplacedWithAScheduleOfAnotherKindFiresOnItsNewSchedule() {
		assertThat(this.api.put("/api/v1/jobs/api-put-kinds/fires", """
				{"type": "recording", "params": {"key": "api-put-kinds-fires"},
				 "schedule": {"kind": "interval", "every": "PT1H"}}""").status()).isEqualTo(201);
		assertThat(this.api.put("/api/v1/jobs/api-put-kinds/fires", """
				{"type": "recording", "params": {"key": "api-put-kinds-fires"},
				 "schedule": {"kind": "cron", "expression": "* * * * * ?"}}""").status()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(8)).until(() -> !this.recording.runs("api-put-kinds-fires").isEmpty());
		this.api.delete("/api/v1/jobs/api-put-kinds/fires");
	}

	@Test
	void listPagesThroughJobs() {
		for (String name : List.of("alpha", "bravo", "charlie")) {
			create("api-paging", name, "noop", "{}");
		}
		Response first = this.api.get("/api/v1/jobs?group=api-paging&size=2&page=0");
		assertThat(first.status()).isEqualTo(200);
		assertThat(names(first)).containsExactly("alpha", "bravo");
		assertThat(first.json().path("page")).isEqualTo(JSON.readTree("""
				{"size": 2, "number": 0, "totalElements": 3, "totalPages": 2}"""));
		Response second = this.api.get("/api/v1/jobs?group=api-paging&size=2&page=1");
		assertThat(names(second)).containsExactly("charlie");
		assertThat(second.json().path("page").path("number").asInt()).isEqualTo(1);
		assertThat(second.json().path("page").path("totalElements").asLong()).isEqualTo(3);
		Response beyond = this.api.get("/api/v1/jobs?group=api-paging&size=2&page=2");
		assertThat(names(beyond)).isEmpty();
		Response everything = this.api.get("/api/v1/jobs");
		assertThat(everything.json().path("page").path("size").asInt()).as("default page size").isEqualTo(20);
		assertThat(everything.json().path("page").path("totalElements").asLong()).isGreaterThanOrEqualTo(3);
	}

	@Test
	void listSortsByNameDescending() {
		for (String name : List.of("bravo", "alpha", "charlie")) {
			create("api-sorting", name, "noop", "{}");
		}
		assertThat(names(this.api.get("/api/v1/jobs?group=api-sorting&sort=name,desc"))).containsExactly("charlie",
				"bravo", "alpha");
		assertThat(names(this.api.get("/api/v1/jobs?group=api-sorting&sort=name,asc"))).containsExactly("alpha",
				"bravo", "charlie");
		assertThat(names(this.api.get("/api/v1/jobs?group=api-sorting"))).containsExactly("alpha", "bravo", "charlie");
	}

	@Test
	void listFiltersByGroupTypeAndState() {
		create("api-filters", "noop-1", "noop", "{}");
		create("api-filters", "noop-2", "noop", "{}");
		create("api-filters", "recorded", RecordingJobType.NAME, """
				{"key": "api-filters-recorded"}""");
		this.api.post("/api/v1/jobs/api-filters/noop-2/pause");

		Response group = this.api.get("/api/v1/jobs?group=api-filters");
		assertThat(names(group)).containsExactly("noop-1", "noop-2", "recorded");
		assertThat(group.json().path("content").values())
			.allSatisfy((job) -> assertThat(job.path("group").asString()).isEqualTo("api-filters"));
		assertThat(names(this.api.get("/api/v1/jobs?group=api-filters&type=recording"))).containsExactly("recorded");
		assertThat(names(this.api.get("/api/v1/jobs?group=api-filters&type=noop"))).containsExactly("noop-1", "noop-2");
		assertThat(names(this.api.get("/api/v1/jobs?group=api-filters&state=PAUSED"))).containsExactly("noop-2");
		assertThat(names(this.api.get("/api/v1/jobs?group=api-filters&state=NORMAL"))).containsExactly("noop-1",
				"recorded");
		assertThat(names(this.api.get("/api/v1/jobs?group=api-filters&type=noop&state=NORMAL")))
			.containsExactly("noop-1");
		assertThat(
				this.api.get("/api/v1/jobs?group=api-filters-none").json().path("page").path("totalElements").asLong())
			.isZero();

		Response paused = this.api.get("/api/v1/jobs?state=PAUSED&size=500");
		assertThat(paused.json().path("content").values())
			.allSatisfy((job) -> assertThat(job.path("state").asString()).isEqualTo("PAUSED"))
			.anySatisfy((job) -> assertThat(job.path("name").asString()).isEqualTo("noop-2"));
	}

	@Test
	void pausingAGroupPausesEveryJobInItAndResumingResumesThem() {
		create("api-group", "first", "noop", "{}");
		create("api-group", "second", "noop", "{}");
		create("api-group-other", "bystander", "noop", "{}");

		Response paused = this.api.post("/api/v1/groups/api-group/pause");
		assertThat(paused.status()).isEqualTo(200);
		assertThat(paused.json()).isEqualTo(JSON.readTree("""
				{"group": "api-group", "jobs": 2}"""));
		assertThat(states("api-group")).containsExactly("PAUSED", "PAUSED");
		assertThat(states("api-group-other")).containsExactly("NORMAL");

		Response resumed = this.api.post("/api/v1/groups/api-group/resume");
		assertThat(resumed.status()).isEqualTo(200);
		assertThat(resumed.json()).isEqualTo(JSON.readTree("""
				{"group": "api-group", "jobs": 2}"""));
		assertThat(states("api-group")).containsExactly("NORMAL", "NORMAL");
	}

	@Test
	void schedulerStatusShowsItStartedWithItsThreadPool() {
		Response status = this.api.get("/api/v1/scheduler");
		assertThat(status.status()).isEqualTo(200);
		JsonNode json = status.json();
		assertThat(json.path("state").asString()).isEqualTo("STARTED");
		assertThat(json.path("name").asString()).isEqualTo("timekeeper");
		assertThat(json.path("threadPoolSize").asInt()).isEqualTo(200);
		assertThat(json.path("clustered").asBoolean()).isFalse();
		assertThat(json.path("instanceId").asString()).isNotBlank();
		assertThat(json.path("quartzVersion").asString()).startsWith("2.5");
		assertThat(Instant.parse(json.path("runningSince").asString())).isBefore(Instant.now());
	}

	@Test
	void schedulerInStandbyFiresNothingUntilResumed() {
		try {
			Response paused = this.api.post("/api/v1/scheduler/pause");
			assertThat(paused.status()).isEqualTo(200);
			assertThat(paused.json().path("state").asString()).isEqualTo("STANDBY");
			assertThat(this.api.get("/api/v1/scheduler").json().path("state").asString()).isEqualTo("STANDBY");

			create("api-standby", "every-second", RecordingJobType.NAME, """
					{"key": "api-standby-every-second"}""", """
					{"kind": "interval", "every": "PT1S"}""");
			await().during(Duration.ofSeconds(3))
				.atMost(Duration.ofSeconds(5))
				.until(() -> this.recording.runs("api-standby-every-second").isEmpty());

			Response resumed = this.api.post("/api/v1/scheduler/resume");
			assertThat(resumed.status()).isEqualTo(200);
			assertThat(resumed.json().path("state").asString()).isEqualTo("STARTED");
		}
		finally {
			this.api.post("/api/v1/scheduler/resume");
		}
		await().atMost(Duration.ofSeconds(15)).until(() -> !this.recording.runs("api-standby-every-second").isEmpty());
		assertThat(this.api.get("/api/v1/scheduler").json().path("state").asString()).isEqualTo("STARTED");
		this.api.delete("/api/v1/jobs/api-standby/every-second");
	}

	@Test
	void previewOfAnIntervalGivesTheRequestedNumberOfFireTimesOnePeriodApart() {
		Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		Response preview = this.api.post("/api/v1/schedules/preview", """
				{"schedule": {"kind": "interval", "every": "PT1M"}, "count": 3}""");
		Instant after = Instant.now();
		assertThat(preview.status()).as(preview.body()).isEqualTo(200);
		assertThat(preview.json().path("timeZone").asString()).isEqualTo("UTC");
		List<Instant> fireTimes = fireTimes(preview);
		assertThat(fireTimes).hasSize(3);
		assertThat(fireTimes.get(0)).isBetween(before.plusSeconds(60), after.plusSeconds(60));
		assertThat(fireTimes.get(1)).isEqualTo(fireTimes.get(0).plusSeconds(60));
		assertThat(fireTimes.get(2)).isEqualTo(fireTimes.get(0).plusSeconds(120));
	}

	@Test
	void previewOfACronInTokyoFiresAtMidnightUtcAndShowsTokyoTimes() {
		Response preview = this.api.post("/api/v1/schedules/preview", """
				{"schedule": {"kind": "cron", "expression": "0 0 9 * * ?"}, "timeZone": "Asia/Tokyo", "count": 4}""");
		assertThat(preview.status()).as(preview.body()).isEqualTo(200);
		assertThat(preview.json().path("timeZone").asString()).isEqualTo("Asia/Tokyo");
		List<Instant> fireTimes = fireTimes(preview);
		assertThat(fireTimes).hasSize(4);
		Instant first = fireTimes.get(0);
		assertThat(first).isIn(nextUtcMidnight(Instant.now()), nextUtcMidnight(Instant.now().minusSeconds(60)));
		assertThat(fireTimes).containsExactly(first, first.plus(Duration.ofDays(1)), first.plus(Duration.ofDays(2)),
				first.plus(Duration.ofDays(3)));
		List<ZonedDateTime> local = localFireTimes(preview);
		assertThat(local).extracting(ZonedDateTime::toInstant).containsExactlyElementsOf(fireTimes);
		assertThat(local).extracting(ZonedDateTime::getZone).containsOnly(ZoneId.of("Asia/Tokyo"));
		assertThat(local).extracting(ZonedDateTime::toLocalTime).containsOnly(LocalTime.of(9, 0));
	}

	@Test
	void previewOfAUnixCronGivesWeekdaysInItsTimeZone() {
		Response preview = this.api.post("/api/v1/schedules/preview", JobExamples.PREVIEW);
		assertThat(preview.status()).as(preview.body()).isEqualTo(200);
		List<ZonedDateTime> local = localFireTimes(preview);
		assertThat(local).hasSize(5);
		assertThat(local).extracting(ZonedDateTime::getDayOfWeek)
			.doesNotContain(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY)
			.doesNotHaveDuplicates();
		assertThat(local).extracting(ZonedDateTime::toLocalTime).containsOnly(LocalTime.of(9, 0));
		assertThat(fireTimes(preview)).isSorted()
			.allSatisfy((instant) -> assertThat(instant.atZone(ZoneOffset.UTC).toLocalTime())
				.isEqualTo(LocalTime.MIDNIGHT));
	}

	@ParameterizedTest
	@ValueSource(strings = { "@weekly", "0 0 * * 0", "0 0 * * 7", "0 0 * * sun" })
	void previewOfTheWeeklyMacroAndItsCrontabSpellingsFiresOnSundaysAtMidnight(String expression) {
		Response preview = this.api.post("/api/v1/schedules/preview", """
				{"schedule": {"kind": "cron", "expression": "%s"}, "timeZone": "Europe/Paris", "count": 3}"""
			.formatted(expression));
		assertThat(preview.status()).as(preview.body()).isEqualTo(200);
		List<ZonedDateTime> local = localFireTimes(preview);
		assertThat(local).hasSize(3);
		assertThat(local).extracting(ZonedDateTime::getDayOfWeek).containsOnly(DayOfWeek.SUNDAY);
		assertThat(local).extracting(ZonedDateTime::toLocalTime).containsOnly(LocalTime.MIDNIGHT);
		assertThat(local.get(1).toLocalDate()).isEqualTo(local.get(0).toLocalDate().plusWeeks(1));
	}

	@Test
	void previewOfAOnceScheduleHasASingleFireTime() {
		Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		Response preview = this.api.post("/api/v1/schedules/preview", """
				{"schedule": {"kind": "once", "after": "PT10M"}, "count": 5}""");
		assertThat(preview.status()).as(preview.body()).isEqualTo(200);
		assertThat(fireTimes(preview)).singleElement()
			.satisfies((instant) -> assertThat(instant).isBetween(before.plus(Duration.ofMinutes(10)),
					Instant.now().plus(Duration.ofMinutes(10))));
	}

	@Test
	void previewOfADailyScheduleFiresOnItsDaysAtItsLocalTime() {
		Response preview = this.api.post("/api/v1/schedules/preview", """
				{"schedule": {"kind": "daily", "at": "12:00", "days": ["MON"]}, "timeZone": "Europe/London",
				 "count": 3}""");
		assertThat(preview.status()).as(preview.body()).isEqualTo(200);
		List<ZonedDateTime> local = localFireTimes(preview);
		assertThat(local).hasSize(3);
		assertThat(local).extracting(ZonedDateTime::getDayOfWeek).containsOnly(DayOfWeek.MONDAY);
		assertThat(local).extracting(ZonedDateTime::toLocalTime).containsOnly(LocalTime.NOON);
		assertThat(local).extracting(ZonedDateTime::getZone).containsOnly(ZoneId.of("Europe/London"));
		assertThat(local.get(1).toLocalDate()).isEqualTo(local.get(0).toLocalDate().plusWeeks(1));
		assertThat(local.get(2).toLocalDate()).isEqualTo(local.get(0).toLocalDate().plusWeeks(2));
	}

	@Test
	void previewGivesTenFireTimesInUtcWhenNotToldOtherwise() {
		Response preview = this.api.post("/api/v1/schedules/preview", """
				{"schedule": {"kind": "cron", "expression": "@hourly"}}""");
		assertThat(preview.status()).as(preview.body()).isEqualTo(200);
		assertThat(preview.json().path("timeZone").asString()).isEqualTo("UTC");
		assertThat(fireTimes(preview)).hasSize(10)
			.isSorted()
			.doesNotHaveDuplicates()
			.allSatisfy((instant) -> assertThat(instant.truncatedTo(ChronoUnit.HOURS)).isEqualTo(instant));
	}

	@Test
	void jobTypesListNoopWithTheSchemaOfItsParams() {
		Response types = this.api.get("/api/v1/job-types");
		assertThat(types.status()).isEqualTo(200);
		JsonNode noop = types.json()
			.values()
			.stream()
			.filter((type) -> "noop".equals(type.path("name").asString()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("noop is not listed: " + types.body()));
		assertThat(noop.path("description").asString()).isNotBlank();
		JsonNode schema = noop.path("paramsSchema");
		assertThat(schema.path("type").asString()).isEqualTo("object");
		assertThat(schema.path("properties").propertyNames()).contains("duration", "fail");
		assertThat(schema.path("properties").path("duration").path("format").asString()).isEqualTo("duration");
	}

	@Test
	void openApiDocumentDescribesEveryEndpoint() {
		Response docs = this.api.get("/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.contentType()).startsWith("application/json");
		JsonNode paths = docs.json().path("paths");
		Map<String, List<String>> operations = Map.ofEntries(Map.entry("/api/v1/jobs", List.of("get", "post")),
				Map.entry("/api/v1/jobs/batch", List.of("post")),
				Map.entry("/api/v1/jobs/{group}/{name}", List.of("get", "put", "delete")),
				Map.entry("/api/v1/jobs/{group}/{name}/pause", List.of("post")),
				Map.entry("/api/v1/jobs/{group}/{name}/resume", List.of("post")),
				Map.entry("/api/v1/jobs/{group}/{name}/run", List.of("post")),
				Map.entry("/api/v1/groups/{group}/pause", List.of("post")),
				Map.entry("/api/v1/groups/{group}/resume", List.of("post")),
				Map.entry("/api/v1/scheduler", List.of("get")), Map.entry("/api/v1/scheduler/pause", List.of("post")),
				Map.entry("/api/v1/scheduler/resume", List.of("post")),
				Map.entry("/api/v1/schedules/preview", List.of("post")), Map.entry("/api/v1/job-types", List.of("get")),
				Map.entry("/api/v1/jobs/{group}/{name}/executions", List.of("get")),
				Map.entry("/api/v1/executions", List.of("get")), Map.entry("/api/v1/executions/{id}", List.of("get")));
		assertThat(paths.propertyNames()).containsExactlyInAnyOrderElementsOf(operations.keySet());
		JsonNode schemas = docs.json().path("components").path("schemas");
		assertThat(schemas.path("Execution").path("properties").propertyNames()).contains("scheduledAt", "startedAt",
				"finishedAt", "durationMs", "outcome", "attempt", "error", "result", "node");
		assertThat(schemas.path("JobRequest").path("properties").propertyNames()).contains("retry", "timeout");
		assertThat(schemas.path("JobView").path("properties").propertyNames()).contains("lastExecution");
		operations
			.forEach((path, methods) -> assertThat(paths.path(path).propertyNames()).as(path).containsAll(methods));
	}

	@Test
	void openApiDocumentHasAWorkingCreateExampleForEveryScheduleKind() {
		JsonNode examples = this.api.get("/v3/api-docs")
			.json()
			.path("paths")
			.path("/api/v1/jobs")
			.path("post")
			.path("requestBody")
			.path("content")
			.path("application/json")
			.path("examples");
		assertThat(examples.propertyNames()).isNotEmpty();
		List<ObjectNode> jobs = new ArrayList<>();
		for (JsonNode example : examples.values()) {
			JsonNode value = example.path("value");
			jobs.add((ObjectNode) (value.isString() ? JSON.readTree(value.asString()) : value.deepCopy()));
		}
		assertThat(jobs).extracting((job) -> job.path("schedule").path("kind").asString())
			.containsAll(Set.of("interval", "cron", "once", "daily"));
		List<String> created = new ArrayList<>();
		try {
			for (ObjectNode job : jobs) {
				job.put("group", "api-examples");
				Response response = this.api.post("/api/v1/jobs", JSON.writeValueAsString(job));
				assertThat(response.status()).as("%s answered %s", job, response.body()).isEqualTo(201);
				created.add(URI.create(response.location()).getPath());
			}
		}
		finally {
			created.forEach(this.api::delete);
		}
	}

	@Test
	void openApiDocumentsReplaceAndPreviewExamplesWork() {
		JsonNode paths = this.api.get("/v3/api-docs").json().path("paths");
		List<JsonNode> replacements = examples(paths.path("/api/v1/jobs/{group}/{name}").path("put"));
		List<JsonNode> previews = examples(paths.path("/api/v1/schedules/preview").path("post"));
		assertThat(replacements).isNotEmpty();
		assertThat(previews).isNotEmpty();
		// Swagger UI's "Try it out" fills the path from the parameters' examples
		Map<String, String> pathExamples = new HashMap<>();
		paths.path("/api/v1/jobs/{group}/{name}")
			.path("put")
			.path("parameters")
			.forEach((parameter) -> pathExamples.put(parameter.path("name").asString(),
					parameter.path("example").asString()));
		assertThat(pathExamples).containsOnlyKeys("group", "name").doesNotContainValue("");
		String path = "/api/v1/jobs/" + pathExamples.get("group") + "/" + pathExamples.get("name");
		try {
			for (JsonNode example : replacements) {
				Response created = this.api.put(path, JSON.writeValueAsString(example));
				assertThat(created.status()).as("%s answered %s", example, created.body()).isEqualTo(201);
				Response replaced = this.api.put(path, JSON.writeValueAsString(example));
				assertThat(replaced.status()).as("%s answered %s", example, replaced.body()).isEqualTo(200);
				this.api.delete(path);
			}
		}
		finally {
			this.api.delete(path);
		}
		for (JsonNode example : previews) {
			Response preview = this.api.post("/api/v1/schedules/preview", JSON.writeValueAsString(example));
			assertThat(preview.status()).as("%s answered %s", example, preview.body()).isEqualTo(200);
			assertThat(preview.json().path("fireTimes").size()).isEqualTo(example.path("count").asInt(10));
		}
	}

	private static List<JsonNode> examples(JsonNode operation) {
		List<JsonNode> examples = new ArrayList<>();
		for (JsonNode example : operation.path("requestBody")
			.path("content")
			.path("application/json")
			.path("examples")
			.values()) {
			JsonNode value = example.path("value");
			examples.add(value.isString() ? JSON.readTree(value.asString()) : value);
		}
		return examples;
	}

	@Test
	void swaggerUiAnswers() throws IOException, InterruptedException {
		HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
		HttpResponse<String> page = client.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.serverPort + "/swagger-ui.html")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.uri().getPath()).isEqualTo("/swagger-ui/index.html");
		assertThat(page.body()).containsIgnoringCase("swagger-ui");
	}

	@Test
	void healthIsUp() {
		Response health = this.api.get("/actuator/health");
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.json().path("status").asString()).isEqualTo("UP");
	}

	private void create(String group, String name, String type, String params) {
		create(group, name, type, params, """
				{"kind": "interval", "every": "PT1H"}""");
	}

	private void create(String group, String name, String type, String params, String schedule) {
		Response created = this.api.post("/api/v1/jobs", """
				{"group": "%s", "name": "%s", "type": "%s", "params": %s, "schedule": %s}""".formatted(group, name,
				type, params, schedule));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
	}

	private List<String> states(String group) {
		return this.api.get("/api/v1/jobs?group=" + group)
			.json()
			.path("content")
			.values()
			.stream()
			.map((job) -> job.path("state").asString())
			.toList();
	}

	private static List<String> names(Response page) {
		assertThat(page.status()).as(page.body()).isEqualTo(200);
		return page.json().path("content").values().stream().map((job) -> job.path("name").asString()).toList();
	}

	private static List<Instant> fireTimes(Response preview) {
		return preview.json()
			.path("fireTimes")
			.values()
			.stream()
			.map((instant) -> Instant.parse(instant.asString()))
			.toList();
	}

	private static List<ZonedDateTime> localFireTimes(Response preview) {
		return preview.json()
			.path("localFireTimes")
			.values()
			.stream()
			.map((local) -> ZonedDateTime.parse(local.asString()))
			.toList();
	}

	/**
	 * Whether two schedules are the same, reading a daily schedule's {@code at} as the
	 * local time it is ({@code 12:00} is {@code 12:00:00}).
	 */
	private static boolean sameSchedule(JsonNode actual, JsonNode expected) {
		return normalized(actual).equals(normalized(expected));
	}

	private static JsonNode normalized(JsonNode schedule) {
		ObjectNode copy = (ObjectNode) schedule.deepCopy();
		if ("daily".equals(copy.path("kind").asString()) && copy.has("at")) {
			copy.put("at", LocalTime.parse(copy.path("at").asString()).toString());
		}
		return copy;
	}

	private static Instant nextUtcMidnight(Instant instant) {
		return instant.atZone(ZoneOffset.UTC).toLocalDate().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
	}

}
