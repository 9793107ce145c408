package dev.timekeeper.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import java.util.stream.Collectors;

import dev.timekeeper.validation.InvalidFieldsException;
import org.jspecify.annotations.Nullable;
import org.quartz.CronScheduleBuilder;
import org.quartz.ScheduleBuilder;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerUtils;
import org.quartz.spi.OperableTrigger;

import org.springframework.stereotype.Component;

/**
 * Builds the Quartz trigger a schedule means: the trigger kind, its first fire, its
 * window and the misfire instruction for the job's policy. Job creation and schedule
 * previews both go through here, so a preview shows exactly what a job would do.
 */
@Component
class Triggers {

	private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

	private final Clock clock;

	Triggers(Clock clock) {
		this.clock = clock;
	}

	/**
	 * The trigger for a job; its key is the job's own.
	 * @param spec the job
	 * @return a trigger that fires at least once
	 * @throws InvalidFieldsException when the schedule is invalid or never fires
	 */
	OperableTrigger build(JobSpec spec) {
		Instant now = this.clock.instant();
		inRange("startAt", spec.startAt());
		inRange("endAt", spec.endAt());
		Instant start = firstPossibleFire(spec.schedule(), spec.startAt(), now);
		if (spec.endAt() != null && !spec.endAt().isAfter(now)) {
			throw InvalidFieldsException.of("endAt", "must be in the future");
		}
		if (spec.startAt() != null && spec.endAt() != null && !spec.endAt().isAfter(spec.startAt())) {
			throw InvalidFieldsException.of("endAt", "must be after startAt");
		}
		if (spec.endAt() != null && spec.endAt().isBefore(start)) {
			throw InvalidFieldsException.of("schedule", "never fires before endAt");
		}
		TriggerBuilder<? extends Trigger> builder = TriggerBuilder.newTrigger()
			.withIdentity(spec.name(), spec.group())
			.forJob(spec.name(), spec.group())
			.withSchedule(scheduleBuilder(spec.schedule(), spec.zone(), spec.misfirePolicy()))
			.startAt(Date.from(start));
		if (spec.endAt() != null) {
			builder.endAt(Date.from(spec.endAt()));
		}
		OperableTrigger trigger = (OperableTrigger) builder.build();
		if (trigger.computeFirstFireTime(null) == null) {
			throw InvalidFieldsException.of("schedule",
					"never fires" + ((spec.endAt() != null) ? " before endAt" : ""));
		}
		return trigger;
	}

	/**
	 * The next fire times of a schedule, as a job created now would have them.
	 * @param schedule the schedule
	 * @param zone the time zone of cron and daily schedules
	 * @param count how many
	 * @return up to {@code count} instants, fewer when the schedule ends
	 */
	List<Instant> preview(Schedule schedule, ZoneId zone, int count) {
		Instant now = this.clock.instant();
		OperableTrigger trigger = (OperableTrigger) TriggerBuilder.newTrigger()
			.withSchedule(scheduleBuilder(schedule, zone, MisfirePolicy.FIRE_NOW))
			.startAt(Date.from(firstPossibleFire(schedule, null, now)))
			.build();
		return TriggerUtils.computeFireTimes(trigger, null, count).stream().map(Date::toInstant).toList();
	}

	private static Instant firstPossibleFire(Schedule schedule, @Nullable Instant startAt, Instant now) {
		return switch (schedule) {
			case IntervalSchedule interval -> intervalStart(interval, startAt, now);
			case OnceSchedule once -> onceAt(once, startAt, now);
			case CronSchedule cron -> later(startAt, now);
			case DailySchedule daily -> later(startAt, now);
		};
	}

	/**
	 * A {@code startAt} already past anchors the fires (startAt + n × every) but is not a
	 * backlog: fires before the job existed were never missed, so the first is the next
	 * one on that grid, as in APScheduler, not a misfire that FIRE_ALL would replay from
	 * startAt on.
	 */
	private static Instant intervalStart(IntervalSchedule interval, @Nullable Instant startAt, Instant now) {
		if (startAt == null) {
			return now.plus(interval.every());
		}
		if (!startAt.isBefore(now)) {
			return startAt;
		}
		long every = interval.every().toMillis();
		long periods = (Duration.between(startAt, now).toMillis() + every - 1) / every;
		return startAt.plusMillis(periods * every);
	}

	private static Instant onceAt(OnceSchedule once, @Nullable Instant startAt, Instant now) {
		if ((once.at() == null) == (once.after() == null)) {
			throw InvalidFieldsException.of("schedule", "give exactly one of 'at' and 'after'");
		}
		if (once.after() != null && once.after().isNegative()) {
			throw InvalidFieldsException.of("schedule.after", "must not be negative");
		}
		Instant at = (once.at() != null) ? inRange("schedule.at", once.at()) : now.plus(once.after());
		if (at.isBefore(now)) {
			throw InvalidFieldsException.of("schedule.at", "must not be in the past");
		}
		if (startAt != null && at.isBefore(startAt)) {
			throw InvalidFieldsException.of("schedule", "never fires: it is before startAt");
		}
		return at;
	}

	/**
	 * Quartz keeps instants as epoch milliseconds; beyond year 9999 nothing fires anyway.
	 */
	private static @Nullable Instant inRange(String field, @Nullable Instant instant) {
		if (instant != null && (instant.isBefore(Instant.EPOCH) || instant.isAfter(LATEST))) {
			throw InvalidFieldsException.of(field, "must be between 1970-01-01T00:00:00Z and " + LATEST);
		}
		return instant;
	}

	private static Instant later(@Nullable Instant startAt, Instant now) {
		return (startAt != null && startAt.isAfter(now)) ? startAt : now;
	}

	private static ScheduleBuilder<? extends Trigger> scheduleBuilder(Schedule schedule, ZoneId zone,
			MisfirePolicy policy) {
		return switch (schedule) {
			case IntervalSchedule interval -> interval(interval, policy);
			case OnceSchedule once -> once(policy);
			case CronSchedule cron -> cron(CronExpressions.toQuartz(cron.expression()), zone, policy);
			case DailySchedule daily -> cron(dailyCron(daily), zone, policy);
		};
	}

	private static SimpleScheduleBuilder interval(IntervalSchedule interval, MisfirePolicy policy) {
		SimpleScheduleBuilder builder = SimpleScheduleBuilder.simpleSchedule()
			.withIntervalInMilliseconds(interval.every().toMillis())
			.withRepeatCount((interval.times() != null) ? interval.times() - 1 : SimpleTrigger.REPEAT_INDEFINITELY);
		return switch (policy) {
			case FIRE_NOW -> builder.withMisfireHandlingInstructionNowWithRemainingCount();
			case SKIP -> builder.withMisfireHandlingInstructionNextWithRemainingCount();
			case FIRE_ALL -> builder.withMisfireHandlingInstructionIgnoreMisfires();
		};
	}

	private static SimpleScheduleBuilder once(MisfirePolicy policy) {
		SimpleScheduleBuilder builder = SimpleScheduleBuilder.simpleSchedule().withRepeatCount(0);
		return switch (policy) {
			case FIRE_NOW -> builder.withMisfireHandlingInstructionFireNow();
			case SKIP -> builder.withMisfireHandlingInstructionNextWithRemainingCount();
			case FIRE_ALL -> throw fireAllNeedsInterval();
		};
	}

	private static CronScheduleBuilder cron(String quartzExpression, ZoneId zone, MisfirePolicy policy) {
		CronScheduleBuilder builder = CronScheduleBuilder.cronSchedule(quartzExpression)
			.inTimeZone(TimeZone.getTimeZone(zone));
		return switch (policy) {
			case FIRE_NOW -> builder.withMisfireHandlingInstructionFireAndProceed();
			case SKIP -> builder.withMisfireHandlingInstructionDoNothing();
			case FIRE_ALL -> throw fireAllNeedsInterval();
		};
	}

	private static String dailyCron(DailySchedule daily) {
		String days = (daily.days() == null || daily.days().isEmpty()) ? "*"
				: daily.days().stream().distinct().sorted().map(Weekday::name).collect(Collectors.joining(","));
		return "%d %d %d ? * %s".formatted(daily.at().getSecond(), daily.at().getMinute(), daily.at().getHour(), days);
	}

	private static InvalidFieldsException fireAllNeedsInterval() {
		return InvalidFieldsException.of("misfirePolicy",
				"FIRE_ALL catches up every missed fire and is for interval schedules only; use FIRE_NOW or SKIP");
	}

}
