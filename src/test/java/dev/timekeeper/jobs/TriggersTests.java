package dev.timekeeper.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.timekeeper.validation.FieldProblem;
import dev.timekeeper.validation.InvalidFieldsException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.quartz.CronTrigger;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.spi.OperableTrigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link Triggers} builds the Quartz trigger each schedule means, on a fixed clock: the
 * trigger kind and the misfire instruction for every schedule kind and misfire policy,
 * the first fire, the repeat count, the window, the time zone (daylight saving included),
 * and schedules that could never fire are refused naming the field at fault. Its preview
 * gives the fire times a job created now would have.
 */
class TriggersTests {

	/** Monday 10 March 2025, 08:30 UTC (17:30 in Tokyo). */
	private static final Instant NOW = Instant.parse("2025-03-10T08:30:00Z");

	private final Triggers triggers = new Triggers(Clock.fixed(NOW, ZoneOffset.UTC));

	static Stream<Arguments> misfireInstructions() {
		Schedule interval = new IntervalSchedule(Duration.ofMinutes(1), null);
		Schedule cron = new CronSchedule("0 0 9 * * ?");
		Schedule unixCron = new CronSchedule("0 9 * * 1-5");
		Schedule daily = new DailySchedule(LocalTime.of(9, 0), null);
		Schedule once = new OnceSchedule(null, Duration.ofMinutes(10));
		return Stream.of(
				Arguments.of(interval, MisfirePolicy.FIRE_NOW, SimpleTrigger.class,
						SimpleTrigger.MISFIRE_INSTRUCTION_RESCHEDULE_NOW_WITH_REMAINING_REPEAT_COUNT),
				Arguments.of(interval, MisfirePolicy.SKIP, SimpleTrigger.class,
						SimpleTrigger.MISFIRE_INSTRUCTION_RESCHEDULE_NEXT_WITH_REMAINING_COUNT),
				Arguments.of(interval, MisfirePolicy.FIRE_ALL, SimpleTrigger.class,
						Trigger.MISFIRE_INSTRUCTION_IGNORE_MISFIRE_POLICY),
				Arguments.of(cron, MisfirePolicy.FIRE_NOW, CronTrigger.class,
						CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW),
				Arguments.of(cron, MisfirePolicy.SKIP, CronTrigger.class, CronTrigger.MISFIRE_INSTRUCTION_DO_NOTHING),
				Arguments.of(unixCron, MisfirePolicy.FIRE_NOW, CronTrigger.class,
						CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW),
				Arguments.of(unixCron, MisfirePolicy.SKIP, CronTrigger.class,
						CronTrigger.MISFIRE_INSTRUCTION_DO_NOTHING),
				Arguments.of(daily, MisfirePolicy.FIRE_NOW, CronTrigger.class,
						CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW),
				Arguments.of(daily, MisfirePolicy.SKIP, CronTrigger.class, CronTrigger.MISFIRE_INSTRUCTION_DO_NOTHING),
				Arguments.of(once, MisfirePolicy.FIRE_NOW, SimpleTrigger.class,
						SimpleTrigger.MISFIRE_INSTRUCTION_FIRE_NOW),
				Arguments.of(once, MisfirePolicy.SKIP, SimpleTrigger.class,
						SimpleTrigger.MISFIRE_INSTRUCTION_RESCHEDULE_NEXT_WITH_REMAINING_COUNT));
	}

	@ParameterizedTest(name = "{0} with {1}")
	@MethodSource("misfireInstructions")
	void eachScheduleAndPolicyGetsItsTriggerKindAndMisfireInstruction(Schedule schedule, MisfirePolicy policy,
			Class<? extends Trigger> kind, int instruction) {
		OperableTrigger trigger = this.triggers.build(spec(schedule, policy));
		assertThat(trigger).isInstanceOf(kind);
		assertThat(trigger.getMisfireInstruction()).isEqualTo(instruction);
		assertThat(trigger.getKey().getGroup()).isEqualTo("unit");
		assertThat(trigger.getKey().getName()).isEqualTo("job");
		assertThat(trigger.getJobKey().getGroup()).isEqualTo("unit");
		assertThat(trigger.getJobKey().getName()).isEqualTo("job");
	}

	static Stream<Schedule> calendarAndOnceSchedules() {
		return Stream.of(new CronSchedule("0 0 9 * * ?"), new CronSchedule("@daily"),
				new DailySchedule(LocalTime.NOON, List.of(Weekday.MON)), new OnceSchedule(null, Duration.ofMinutes(1)));
	}

	@ParameterizedTest
	@MethodSource("calendarAndOnceSchedules")
	void fireAllIsRefusedForEveryScheduleButInterval(Schedule schedule) {
		assertRefused(() -> this.triggers.build(spec(schedule, MisfirePolicy.FIRE_ALL)), "misfirePolicy");
	}

	@Test
	void intervalFirstFiresOnePeriodAfterNow() {
		OperableTrigger trigger = this.triggers
			.build(spec(new IntervalSchedule(Duration.ofSeconds(90), null), MisfirePolicy.FIRE_NOW));
		SimpleTrigger simple = (SimpleTrigger) trigger;
		assertThat(simple.getRepeatInterval()).isEqualTo(90_000);
		assertThat(simple.getRepeatCount()).isEqualTo(SimpleTrigger.REPEAT_INDEFINITELY);
		assertThat(trigger.getNextFireTime().toInstant()).isEqualTo(NOW.plusSeconds(90));
		assertThat(trigger.getFireTimeAfter(trigger.getNextFireTime()).toInstant()).isEqualTo(NOW.plusSeconds(180));
	}

	@Test
	void intervalFirstFiresAtStartAtWhenGiven() {
		Instant startAt = NOW.plus(Duration.ofDays(2)).plusSeconds(7);
		OperableTrigger trigger = this.triggers
			.build(new JobSpec("unit", "job", "noop", null, Map.of(), new IntervalSchedule(Duration.ofHours(1), null),
					startAt, null, "UTC", MisfirePolicy.FIRE_NOW, false, null, null, null));
		assertThat(trigger.getNextFireTime().toInstant()).isEqualTo(startAt);
	}

	@ParameterizedTest
	@EnumSource(MisfirePolicy.class)
	void intervalWithAStartAtInThePastFiresNextOnItsGridWithoutABacklog(MisfirePolicy policy) {
		Instant startAt = NOW.minus(Duration.ofDays(400)).plusSeconds(7);
		OperableTrigger trigger = this.triggers.build(new JobSpec("unit", "job", "noop", null, Map.of(),
				new IntervalSchedule(Duration.ofHours(1), 3), startAt, null, "UTC", policy, false, null, null, null));
		// On startAt's hourly grid (7 s after NOW's hour and a half); the first fire is
		// the
		// one after now, so nothing is late and no policy replays the 9600 fires before
		// the job existed.
		assertThat(trigger.getNextFireTime().toInstant()).isEqualTo(NOW.plusSeconds(7));
		assertThat(((SimpleTrigger) trigger).getRepeatCount()).isEqualTo(2);
	}

	@Test
	void intervalWithAStartAtJustPastFiresOnePeriodAfterIt() {
		OperableTrigger trigger = this.triggers
			.build(new JobSpec("unit", "job", "noop", null, Map.of(), new IntervalSchedule(Duration.ofSeconds(5), null),
					NOW.minusMillis(1), null, "UTC", MisfirePolicy.FIRE_ALL, false, null, null, null));
		assertThat(trigger.getNextFireTime().toInstant()).isEqualTo(NOW.plusMillis(4999));
	}

	@Test
	void intervalTimesIsTheNumberOfRunsInAll() {
		OperableTrigger trigger = this.triggers
			.build(spec(new IntervalSchedule(Duration.ofMinutes(1), 5), MisfirePolicy.FIRE_NOW));
		assertThat(((SimpleTrigger) trigger).getRepeatCount()).isEqualTo(4);
		assertThat(this.triggers.preview(new IntervalSchedule(Duration.ofMinutes(1), 5), ZoneOffset.UTC, 10)).hasSize(5)
			.last()
			.isEqualTo(NOW.plus(Duration.ofMinutes(5)));
	}

	@Test
	void onceAfterADelayFiresThatLongAfterNowAndNeverAgain() {
		OperableTrigger trigger = this.triggers
			.build(spec(new OnceSchedule(null, Duration.ofMinutes(10)), MisfirePolicy.FIRE_NOW));
		assertThat(trigger.getNextFireTime().toInstant()).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
		assertThat(((SimpleTrigger) trigger).getRepeatCount()).isZero();
		assertThat(trigger.getFireTimeAfter(trigger.getNextFireTime())).isNull();
	}

	@Test
	void onceAtAnInstantFiresThen() {
		Instant at = Instant.parse("2030-01-01T09:00:00Z");
		OperableTrigger trigger = this.triggers.build(spec(new OnceSchedule(at, null), MisfirePolicy.FIRE_NOW));
		assertThat(trigger.getNextFireTime().toInstant()).isEqualTo(at);
	}

	@Test
	void onceAtAnInstantInThePastIsRefused() {
		assertRefused(
				() -> this.triggers.build(spec(new OnceSchedule(NOW.minusSeconds(1), null), MisfirePolicy.FIRE_NOW)),
				"schedule.at");
	}

	@Test
	void onceWithBothOrNeitherOfAtAndAfterIsRefused() {
		assertRefused(
				() -> this.triggers
					.build(spec(new OnceSchedule(NOW.plusSeconds(60), Duration.ofMinutes(1)), MisfirePolicy.FIRE_NOW)),
				"schedule");
		assertRefused(() -> this.triggers.build(spec(new OnceSchedule(null, null), MisfirePolicy.FIRE_NOW)),
				"schedule");
	}

	@Test
	void endAtInThePastIsRefused() {
		assertRefused(() -> this.triggers
			.build(new JobSpec("unit", "job", "noop", null, Map.of(), new CronSchedule("@hourly"), null,
					NOW.minusSeconds(60), "UTC", MisfirePolicy.FIRE_NOW, false, null, null, null)),
				"endAt");
	}

	@Test
	void endAtBeforeStartAtIsRefused() {
		assertRefused(() -> this.triggers.build(new JobSpec("unit", "job", "noop", null, Map.of(),
				new CronSchedule("@hourly"), NOW.plus(Duration.ofDays(2)), NOW.plus(Duration.ofDays(1)), "UTC",
				MisfirePolicy.FIRE_NOW, false, null, null, null)), "endAt");
	}

	@Test
	void endAtInTheFutureClosesTheWindow() {
		Instant endAt = NOW.plus(Duration.ofHours(3)).plusSeconds(1);
		OperableTrigger trigger = this.triggers.build(new JobSpec("unit", "job", "noop", null, Map.of(),
				new CronSchedule("@hourly"), null, endAt, "UTC", MisfirePolicy.FIRE_NOW, false, null, null, null));
		assertThat(trigger.getEndTime().toInstant()).isEqualTo(endAt);
		Instant lastBeforeEndAt = Instant.parse("2025-03-10T11:00:00Z");
		assertThat(trigger.getFireTimeAfter(Date.from(lastBeforeEndAt.minusSeconds(1))).toInstant())
			.isEqualTo(lastBeforeEndAt);
		assertThat(trigger.getFireTimeAfter(Date.from(lastBeforeEndAt))).isNull();
	}

	@Test
	void intervalWhoseFirstFireComesAfterEndAtIsRefusedAsNeverFiring() {
		assertRefused(() -> this.triggers
			.build(new JobSpec("unit", "job", "noop", null, Map.of(), new IntervalSchedule(Duration.ofHours(1), null),
					null, NOW.plus(Duration.ofMinutes(30)), "UTC", MisfirePolicy.FIRE_NOW, false, null, null, null)),
				"schedule");
	}

	@Test
	void onceAfterEndAtIsRefusedAsNeverFiring() {
		assertRefused(() -> this.triggers
			.build(new JobSpec("unit", "job", "noop", null, Map.of(), new OnceSchedule(null, Duration.ofMinutes(10)),
					null, NOW.plus(Duration.ofMinutes(5)), "UTC", MisfirePolicy.FIRE_NOW, false, null, null, null)),
				"schedule");
	}

	@Test
	void cronThatNeverFiresIsRefused() {
		// 30 February never comes.
		assertRefused(() -> this.triggers.build(spec(new CronSchedule("0 0 0 30 2 ?"), MisfirePolicy.FIRE_NOW)),
				"schedule");
	}

	@Test
	void cronBeforeStartAtFirstFiresAtOrAfterStartAt() {
		Instant startAt = Instant.parse("2025-06-01T10:30:00Z");
		OperableTrigger trigger = this.triggers.build(new JobSpec("unit", "job", "noop", null, Map.of(),
				new CronSchedule("@daily"), startAt, null, "UTC", MisfirePolicy.FIRE_NOW, false, null, null, null));
		assertThat(trigger.getNextFireTime().toInstant()).isEqualTo(Instant.parse("2025-06-02T00:00:00Z"));
	}

	@Test
	void cronHonoursTheJobsTimeZone() {
		OperableTrigger trigger = this.triggers
			.build(new JobSpec("unit", "job", "noop", null, Map.of(), new CronSchedule("0 0 9 * * ?"), null, null,
					"Asia/Tokyo", MisfirePolicy.FIRE_NOW, false, null, null, null));
		// 17:30 in Tokyo now, so the next 09:00 there is tomorrow, 00:00 UTC.
		assertThat(trigger.getNextFireTime().toInstant()).isEqualTo(Instant.parse("2025-03-11T00:00:00Z"));
		assertThat(((CronTrigger) trigger).getTimeZone().getID()).isEqualTo("Asia/Tokyo");
	}

	@Test
	void unixCronHonoursTheJobsTimeZone() {
		OperableTrigger trigger = this.triggers
			.build(new JobSpec("unit", "job", "noop", null, Map.of(), new CronSchedule("0 9 * * *"), null, null,
					"Asia/Tokyo", MisfirePolicy.FIRE_NOW, false, null, null, null));
		assertThat(trigger.getNextFireTime().toInstant()).isEqualTo(Instant.parse("2025-03-11T00:00:00Z"));
	}

	@Test
	void dailyHonoursTheJobsTimeZone() {
		OperableTrigger trigger = this.triggers
			.build(new JobSpec("unit", "job", "noop", null, Map.of(), new DailySchedule(LocalTime.of(9, 0), null), null,
					null, "Asia/Tokyo", MisfirePolicy.FIRE_NOW, false, null, null, null));
		assertThat(trigger.getNextFireTime().toInstant()).isEqualTo(Instant.parse("2025-03-11T00:00:00Z"));
		assertThat(this.triggers.preview(new DailySchedule(LocalTime.of(9, 0), null), ZoneId.of("Asia/Tokyo"), 3))
			.containsExactly(Instant.parse("2025-03-11T00:00:00Z"), Instant.parse("2025-03-12T00:00:00Z"),
					Instant.parse("2025-03-13T00:00:00Z"));
	}

	@Test
	void dailyKeepsItsLocalTimeAcrossTheSpringDaylightSavingChange() {
		// Paris moves from UTC+1 to UTC+2 on Sunday 30 March 2025.
		Triggers beforeTheChange = new Triggers(Clock.fixed(Instant.parse("2025-03-28T12:00:00Z"), ZoneOffset.UTC));
		ZoneId paris = ZoneId.of("Europe/Paris");
		List<Instant> fireTimes = beforeTheChange.preview(new DailySchedule(LocalTime.of(9, 0), null), paris, 3);
		assertThat(fireTimes).containsExactly(Instant.parse("2025-03-29T08:00:00Z"),
				Instant.parse("2025-03-30T07:00:00Z"), Instant.parse("2025-03-31T07:00:00Z"));
		assertThat(fireTimes).extracting((instant) -> instant.atZone(paris).toLocalTime())
			.containsOnly(LocalTime.of(9, 0));
	}

	@Test
	void cronKeepsItsLocalTimeAcrossTheAutumnDaylightSavingChange() {
		// Paris moves from UTC+2 back to UTC+1 on Sunday 26 October 2025.
		Triggers beforeTheChange = new Triggers(Clock.fixed(Instant.parse("2025-10-24T12:00:00Z"), ZoneOffset.UTC));
		ZoneId paris = ZoneId.of("Europe/Paris");
		List<Instant> fireTimes = beforeTheChange.preview(new CronSchedule("0 9 * * *"), paris, 3);
		assertThat(fireTimes).containsExactly(Instant.parse("2025-10-25T07:00:00Z"),
				Instant.parse("2025-10-26T08:00:00Z"), Instant.parse("2025-10-27T08:00:00Z"));
		assertThat(fireTimes).extracting((instant) -> instant.atZone(paris).toLocalTime())
			.containsOnly(LocalTime.of(9, 0));
	}

	@Test
	void dailyWithDaysFiresOnlyOnThoseDays() {
		// Monday 10 March 2025: its noon is still ahead.
		List<Instant> fireTimes = this.triggers.preview(
				new DailySchedule(LocalTime.NOON, List.of(Weekday.WED, Weekday.MON, Weekday.MON)), ZoneOffset.UTC, 4);
		assertThat(fireTimes).containsExactly(Instant.parse("2025-03-10T12:00:00Z"),
				Instant.parse("2025-03-12T12:00:00Z"), Instant.parse("2025-03-17T12:00:00Z"),
				Instant.parse("2025-03-19T12:00:00Z"));
	}

	@Test
	void dailyWithSecondsAndSundayFiresAtThatSecondOnSundays() {
		List<Instant> fireTimes = this.triggers
			.preview(new DailySchedule(LocalTime.of(23, 59, 30), List.of(Weekday.SUN)), ZoneOffset.UTC, 2);
		assertThat(fireTimes).containsExactly(Instant.parse("2025-03-16T23:59:30Z"),
				Instant.parse("2025-03-23T23:59:30Z"));
	}

	@Test
	void previewReturnsTheRequestedNumberOfFireTimesInOrder() {
		assertThat(this.triggers.preview(new IntervalSchedule(Duration.ofMinutes(15), null), ZoneOffset.UTC, 4))
			.containsExactly(NOW.plus(Duration.ofMinutes(15)), NOW.plus(Duration.ofMinutes(30)),
					NOW.plus(Duration.ofMinutes(45)), NOW.plus(Duration.ofMinutes(60)));
		List<Instant> cron = this.triggers.preview(new CronSchedule("*/15 * * * *"), ZoneOffset.UTC, 7);
		assertThat(cron).hasSize(7).isSorted().doesNotHaveDuplicates();
		assertThat(cron.get(0)).isEqualTo(Instant.parse("2025-03-10T08:30:00Z"));
		assertThat(cron.get(6)).isEqualTo(Instant.parse("2025-03-10T10:00:00Z"));
	}

	@Test
	void previewOfAOnceScheduleHasOneFireTime() {
		assertThat(this.triggers.preview(new OnceSchedule(null, Duration.ofMinutes(10)), ZoneOffset.UTC, 5))
			.containsExactly(NOW.plus(Duration.ofMinutes(10)));
	}

	@Test
	void previewGivesWhatTheBuiltTriggerDoes() {
		Schedule schedule = new CronSchedule("0 9 * * 1-5");
		ZoneId tokyo = ZoneId.of("Asia/Tokyo");
		List<Instant> preview = this.triggers.preview(schedule, tokyo, 6);
		OperableTrigger trigger = this.triggers.build(new JobSpec("unit", "job", "noop", null, Map.of(), schedule, null,
				null, tokyo.getId(), MisfirePolicy.FIRE_NOW, false, null, null, null));
		assertThat(preview.get(0)).isEqualTo(trigger.getNextFireTime().toInstant());
		// Tuesday to Friday in Tokyo, then Monday 17 March.
		assertThat(preview).extracting((instant) -> ZonedDateTime.ofInstant(instant, tokyo).getDayOfMonth())
			.containsExactly(11, 12, 13, 14, 17, 18);
		assertThat(preview).extracting((instant) -> instant.atZone(tokyo).toLocalTime())
			.containsOnly(LocalTime.of(9, 0));
	}

	private static JobSpec spec(Schedule schedule, MisfirePolicy policy) {
		return new JobSpec("unit", "job", "noop", null, Map.of(), schedule, null, null, "UTC", policy, false, null,
				null, null);
	}

	private static void assertRefused(ThrowingCallable call, String field) {
		assertThatExceptionOfType(InvalidFieldsException.class).isThrownBy(call)
			.satisfies((ex) -> assertThat(ex.getProblems()).extracting(FieldProblem::field).containsExactly(field));
	}

}
