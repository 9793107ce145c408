package dev.timekeeper.jobs;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.timekeeper.TimekeeperApplication;
import dev.timekeeper.support.Api;
import dev.timekeeper.support.Api.Response;
import dev.timekeeper.support.PrometheusText;
import dev.timekeeper.support.RecordingJobType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Jobs live in the database, not in the application: the whole application is started,
 * stopped and started again on the same H2 file database, and every job comes back with
 * its definition, its schedule and its state (paused or not, next fire); a job whose fire
 * fell while the application was down follows its misfire policy once it is back
 * ({@code FIRE_NOW} runs once at once, {@code SKIP} waits for its next fire,
 * {@code FIRE_ALL} catches up every missed fire), on interval, once and cron schedules.
 * <p>
 * Each start is a new application context with a new {@link RecordingJobType}, so runs
 * before and after the restart are told apart.
 */
class RestartTests {

	/** Shorter than the 5 s default, so a fire missed while down is a misfire quickly. */
	private static final Duration MISFIRE_THRESHOLD = Duration.ofSeconds(1);

	/** What the API shows of where a job stands rather than what it is. */
	private static final List<String> SCHEDULER_FIELDS = List.of("state", "nextFireTime", "previousFireTime",
			"lastExecution");

	@TempDir
	Path directory;

	private ConfigurableApplicationContext context;

	private RecordingJobType recording;

	private Api api;

	@AfterEach
	void stop() {
		if (this.context != null) {
			this.context.close();
			this.context = null;
		}
	}

	@Test
	void jobsSurviveARestartWithTheirScheduleAndState() {
		start();
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		Instant startAt = now.plus(Duration.ofHours(2));
		Instant endAt = now.plus(Duration.ofDays(30));
		Instant onceAt = now.plus(Duration.ofDays(2));
		Map<String, String> requests = new LinkedHashMap<>();
		requests.put("interval-with-options", """
				{"group": "restart", "name": "interval-with-options", "type": "recording",
				 "description": "Every hour inside a window, jittered, overlapping, skipping misses",
				 "params": {"key": "interval-with-options", "duration": "PT0.1S"},
				 "schedule": {"kind": "interval", "every": "PT1H"},
				 "startAt": "%s", "endAt": "%s", "jitter": "PT30S", "allowConcurrent": true,
				 "misfirePolicy": "SKIP"}""".formatted(startAt, endAt));
		requests.put("quartz-cron", """
				{"group": "restart", "name": "quartz-cron", "type": "recording",
				 "params": {"key": "quartz-cron"},
				 "schedule": {"kind": "cron", "expression": "0 30 9 ? * MON-FRI"}, "timeZone": "Europe/Paris"}""");
		requests.put("unix-cron", """
				{"group": "restart", "name": "unix-cron", "type": "recording", "params": {"key": "unix-cron"},
				 "schedule": {"kind": "cron", "expression": "15 3 * * 1"}, "timeZone": "America/New_York"}""");
		requests.put("macro", """
				{"group": "restart", "name": "macro", "type": "recording", "params": {"key": "macro"},
				 "schedule": {"kind": "cron", "expression": "@yearly"}}""");
		requests.put("once", """
				{"group": "restart", "name": "once", "type": "recording", "params": {"key": "once"},
				 "schedule": {"kind": "once", "at": "%s"}}""".formatted(onceAt));
		requests.put("daily-paused", """
				{"group": "restart", "name": "daily-paused", "type": "recording", "params": {"key": "daily-paused"},
				 "schedule": {"kind": "daily", "at": "12:00", "days": ["MON", "WED"]}, "timeZone": "Asia/Tokyo"}""");
		requests
			.forEach((name, json) -> assertThat(this.api.post("/api/v1/jobs", json).status()).as(name).isEqualTo(201));
		assertThat(this.api.post("/api/v1/jobs/restart/daily-paused/pause").status()).isEqualTo(200);
		Map<String, JsonNode> before = new LinkedHashMap<>();
		requests.keySet().forEach((name) -> before.put(name, job("restart", name)));
		Instant stopped = Instant.now();
		// Every next fire is far off: none can fall while the application is down.
		before.forEach((name, job) -> assertThat(nextFireTime(job)).as(name).isAfter(stopped.plusSeconds(60)));

		restart();

		Response list = this.api.get("/api/v1/jobs?group=restart&size=50");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.json().path("content").valueStream().map((job) -> job.path("name").asString()))
			.containsExactlyInAnyOrderElementsOf(requests.keySet());
		before.forEach((name, was) -> {
			JsonNode is = job("restart", name);
			assertThat(definition(is)).as(name).isEqualTo(definition(was));
			assertThat(is.path("state").asString()).as(name)
				.isEqualTo(name.equals("daily-paused") ? "PAUSED" : "NORMAL");
			assertThat(nextFireTime(is)).as(name).isEqualTo(nextFireTime(was));
		});
		JsonNode options = job("restart", "interval-with-options");
		assertThat(options.path("description").asString())
			.isEqualTo("Every hour inside a window, jittered, overlapping, skipping misses");
		assertThat(options.path("params").path("duration").asString()).isEqualTo("PT0.1S");
		assertThat(options.path("schedule").path("every").asString()).isEqualTo("PT1H");
		assertThat(Instant.parse(options.path("startAt").asString())).isEqualTo(startAt);
		assertThat(Instant.parse(options.path("endAt").asString())).isEqualTo(endAt);
		assertThat(options.path("jitter").asString()).isEqualTo("PT30S");
		assertThat(options.path("allowConcurrent").asBoolean()).isTrue();
		assertThat(options.path("misfirePolicy").asString()).isEqualTo("SKIP");
		assertThat(nextFireTime(options)).isEqualTo(startAt);
		assertThat(job("restart", "quartz-cron").path("timeZone").asString()).isEqualTo("Europe/Paris");
		assertThat(job("restart", "quartz-cron").path("schedule").path("expression").asString())
			.isEqualTo("0 30 9 ? * MON-FRI");
		assertThat(job("restart", "unix-cron").path("timeZone").asString()).isEqualTo("America/New_York");
		assertThat(job("restart", "macro").path("schedule").path("expression").asString()).isEqualTo("@yearly");
		assertThat(nextFireTime(job("restart", "once"))).isEqualTo(onceAt);
		JsonNode daily = job("restart", "daily-paused");
		assertThat(daily.path("schedule").path("days").valueStream().map(JsonNode::asString)).containsExactly("MON",
				"WED");
		assertThat(daily.path("timeZone").asString()).isEqualTo("Asia/Tokyo");
	}

	@Test
	void missedFiresFollowEachJobsMisfirePolicyAfterARestart() {
		start();
		// Far enough ahead to create the jobs and stop the application before it.
		Instant startAt = Instant.now().plusSeconds(6).truncatedTo(ChronoUnit.MILLIS);
		createMisfireJob("fire-now-interval", """
				"schedule": {"kind": "interval", "every": "PT1H"}, "startAt": "%s", "misfirePolicy": "FIRE_NOW"
				""".formatted(startAt));
		createMisfireJob("skip-interval", """
				"schedule": {"kind": "interval", "every": "PT1H"}, "startAt": "%s", "misfirePolicy": "SKIP"
				""".formatted(startAt));
		createMisfireJob("fire-all-interval", """
				"schedule": {"kind": "interval", "every": "PT1S", "times": 3}, "startAt": "%s",
				"misfirePolicy": "FIRE_ALL"
				""".formatted(startAt));
		createMisfireJob("fire-now-once", """
				"schedule": {"kind": "once", "at": "%s"}, "misfirePolicy": "FIRE_NOW"
				""".formatted(startAt));
		createMisfireJob("skip-once", """
				"schedule": {"kind": "once", "at": "%s"}, "misfirePolicy": "SKIP"
				""".formatted(startAt));
		// A cron schedule (a Quartz CronTrigger, as daily ones are) whose one fire in all
		// falls while the application is down.
		ZonedDateTime cronAt = startAt.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1).atZone(ZoneOffset.UTC);
		String onlyFire = "%d %d %d %d %d ? %d".formatted(cronAt.getSecond(), cronAt.getMinute(), cronAt.getHour(),
				cronAt.getDayOfMonth(), cronAt.getMonthValue(), cronAt.getYear());
		createMisfireJob("fire-now-cron", """
				"schedule": {"kind": "cron", "expression": "%s"}, "misfirePolicy": "FIRE_NOW"
				""".formatted(onlyFire));
		createMisfireJob("skip-cron", """
				"schedule": {"kind": "cron", "expression": "%s"}, "misfirePolicy": "SKIP"
				""".formatted(onlyFire));
		RecordingJobType firstRun = this.recording;
		stopApplication();
		assertThat(Instant.now()).as("the application is down before the jobs' first fire").isBefore(startAt);
		// Down until every fire, the last FIRE_ALL one too, is well past a misfire.
		Instant deadline = startAt.plusSeconds(2).plus(MISFIRE_THRESHOLD).plusSeconds(1);
		await().atMost(Duration.ofSeconds(15)).until(() -> Instant.now().isAfter(deadline));
		Instant restarted = Instant.now();

		start();

		assertThat(List.of("fire-now-interval", "skip-interval", "fire-all-interval", "fire-now-once", "skip-once",
				"fire-now-cron", "skip-cron"))
			.allSatisfy((name) -> assertThat(firstRun.runs(name)).as(name).isEmpty());
		// FIRE_NOW runs once at once; FIRE_ALL promptly catches up all three fires.
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(List.of(runs("fire-now-interval"), runs("fire-all-interval"),
					runs("fire-now-once"), runs("fire-now-cron")))
				.containsExactly(1, 3, 1, 1));
		// SKIP never runs for the missed fire; nothing runs more than it should.
		await().during(Duration.ofSeconds(3))
			.atMost(Duration.ofSeconds(5))
			.until(() -> runs("skip-interval") == 0 && runs("skip-once") == 0 && runs("skip-cron") == 0
					&& runs("fire-now-interval") == 1 && runs("fire-all-interval") == 3 && runs("fire-now-once") == 1
					&& runs("fire-now-cron") == 1);
		// Caught up back to back, not one PT1S apart as on schedule.
		List<RecordingJobType.Run> caughtUp = this.recording.runs("fire-all-interval");
		assertThat(caughtUp).allSatisfy((run) -> assertThat(run.startedAt()).isAfter(restarted));
		assertThat(Duration.between(caughtUp.getFirst().startedAt(), caughtUp.getLast().startedAt()))
			.isLessThan(Duration.ofMillis(1500));

		// Every missed fire is counted: one for each of the six jobs Quartz handles as a
		// misfire, and each of the three late fires of the FIRE_ALL job.
		PrometheusText scrape = PrometheusText.parse(this.api.get("/actuator/prometheus").body());
		assertThat(scrape.sum("timekeeper_misfires_total", "group", "misfire")).isEqualTo(6 + 3);

		JsonNode fireNowInterval = job("misfire", "fire-now-interval");
		Instant ranAt = this.recording.runs("fire-now-interval").getFirst().startedAt();
		assertThat(fireNowInterval.path("state").asString()).isEqualTo("NORMAL");
		assertThat(Instant.parse(fireNowInterval.path("previousFireTime").asString())).isAfter(restarted);
		assertThat(nextFireTime(fireNowInterval)).isBetween(restarted.plus(Duration.ofHours(1)),
				ranAt.plus(Duration.ofHours(1)));

		JsonNode skipInterval = job("misfire", "skip-interval");
		assertThat(skipInterval.path("state").asString()).isEqualTo("NORMAL");
		assertThat(nextFireTime(skipInterval)).isEqualTo(startAt.plus(Duration.ofHours(1)));

		assertThat(job("misfire", "fire-all-interval").path("state").asString()).isEqualTo("COMPLETE");
		assertThat(job("misfire", "fire-now-once").path("state").asString()).isEqualTo("COMPLETE");
		JsonNode skipOnce = job("misfire", "skip-once");
		assertThat(skipOnce.path("state").asString()).isEqualTo("COMPLETE");
		assertThat(skipOnce.has("nextFireTime")).isFalse();
		assertThat(this.recording.runs("fire-now-cron").getFirst().startedAt()).isAfter(restarted);
		assertThat(job("misfire", "fire-now-cron").path("state").asString()).isEqualTo("COMPLETE");
		JsonNode skipCron = job("misfire", "skip-cron");
		assertThat(skipCron.path("state").asString()).isEqualTo("COMPLETE");
		assertThat(skipCron.has("nextFireTime")).isFalse();
	}

	@Test
	void shutdownInterruptsARunStillGoingAfterTheShutdownTimeoutAndRecordsIt() {
		start("--timekeeper.scheduler.shutdown-timeout=PT1S");
		Response created = this.api.post("/api/v1/jobs", """
				{"group": "shutdown", "name": "long", "type": "noop", "params": {"duration": "PT10M"},
				 "schedule": {"kind": "cron", "expression": "@yearly"}}""");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(this.api.post("/api/v1/jobs/shutdown/long/run").status()).isEqualTo(202);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> job("shutdown", "long").path("state").asString(), "RUNNING"::equals);

		// Without the bounded shutdown this would wait out the ten-minute run.
		stopApplication();
		start();

		JsonNode executions = this.api.get("/api/v1/jobs/shutdown/long/executions").json().path("content");
		assertThat(executions).hasSize(1);
		assertThat(executions.get(0).path("outcome").asString()).isEqualTo("INTERRUPTED");
		assertThat(executions.get(0).path("error").asString()).contains("shut down");
		assertThat(executions.get(0).path("durationMs").asLong()).isLessThan(Duration.ofMinutes(10).toMillis());
		assertThat(job("shutdown", "long").path("state").asString()).isEqualTo("NORMAL");
	}

	private void createMisfireJob(String name, String scheduleAndPolicy) {
		Response created = this.api.post("/api/v1/jobs", """
				{"group": "misfire", "name": "%s", "type": "recording", "params": {"key": "%s"},
				 %s}""".formatted(name, name, scheduleAndPolicy.strip()));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
	}

	private void start(String... arguments) {
		String url = "jdbc:h2:file:" + this.directory.resolve("timekeeper").toAbsolutePath()
				+ ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000";
		List<String> args = new java.util.ArrayList<>(List.of("--server.port=0", "--spring.profiles.active=testusers",
				"--spring.datasource.url=" + url,
				// Quartz keeps one scheduler of a name per JVM: stay clear of other
				// tests'.
				"--spring.quartz.scheduler-name=timekeeper-restart-tests",
				"--spring.quartz.properties.org.quartz.jobStore.misfireThreshold=" + MISFIRE_THRESHOLD.toMillis()));
		args.addAll(List.of(arguments));
		this.context = new SpringApplicationBuilder(TimekeeperApplication.class, RecordingJobType.Config.class)
			.run(args.toArray(String[]::new));
		this.recording = this.context.getBean(RecordingJobType.class);
		this.api = new Api(this.context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
	}

	private void stopApplication() {
		this.context.close();
		this.context = null;
	}

	private void restart() {
		stopApplication();
		start();
	}

	private int runs(String key) {
		return this.recording.runs(key).size();
	}

	private JsonNode job(String group, String name) {
		Response response = this.api.get("/api/v1/jobs/" + group + "/" + name);
		assertThat(response.status()).as(group + "/" + name).isEqualTo(200);
		return response.json();
	}

	private static Instant nextFireTime(JsonNode job) {
		return job.hasNonNull("nextFireTime") ? Instant.parse(job.path("nextFireTime").asString()) : null;
	}

	private static JsonNode definition(JsonNode job) {
		ObjectNode definition = (ObjectNode) job.deepCopy();
		definition.remove(SCHEDULER_FIELDS);
		return definition;
	}

}
