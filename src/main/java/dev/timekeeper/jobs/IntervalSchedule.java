package dev.timekeeper.jobs;

import java.time.Duration;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;

/**
 * Fires every {@code every}; the first fire is one {@code every} after creation, or at
 * {@code startAt} when the job gives one.
 *
 * @param every the period, at least one second and at most ten years
 * @param times how many runs in all before the job is complete; forever when absent
 */
@Schema(description = "Fires every `every`, first one period after creation (or at startAt)")
public record IntervalSchedule(
		@Schema(type = "string", format = "duration", example = "PT30S",
				requiredMode = Schema.RequiredMode.REQUIRED) @NotNull @DurationMin(seconds = 1,
						message = "must be at least PT1S") @DurationMax(days = 3650,
								message = "must be at most P3650D") Duration every,
		@Schema(example = "10", description = "Runs in all; forever when absent") @Positive @Nullable Integer times)
		implements
			Schedule {

}
