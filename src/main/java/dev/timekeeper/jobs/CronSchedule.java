package dev.timekeeper.jobs;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Fires when a cron expression matches, in the job's time zone.
 *
 * @param expression Quartz syntax (6 or 7 fields, seconds first), Unix crontab syntax (5
 * fields) or one of {@code @hourly}, {@code @daily}, {@code @weekly}, {@code @monthly},
 * {@code @yearly}
 */
@Schema(description = "Fires when a cron expression matches, in the job's timeZone")
public record CronSchedule(@Schema(example = "0 */5 9-17 * * MON-FRI",
		description = "Quartz (6-7 fields, seconds first), Unix crontab (5 fields) or @hourly, @daily, @weekly, @monthly, @yearly",
		requiredMode = Schema.RequiredMode.REQUIRED) @NotBlank @Size(max = 120) String expression) implements Schedule {

}
