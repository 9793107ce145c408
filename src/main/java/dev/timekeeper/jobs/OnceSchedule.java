package dev.timekeeper.jobs;

import java.time.Duration;
import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;
import org.hibernate.validator.constraints.time.DurationMax;
import org.jspecify.annotations.Nullable;

/**
 * Fires once, at an instant or after a delay; then the job is complete.
 *
 * @param at when to fire
 * @param after how long after creation to fire, instead of {@code at}
 */
@Schema(description = "Fires once: at an instant, or after a delay from now (give exactly one)")
public record OnceSchedule(@Schema(example = "2030-01-01T09:00:00Z") @Nullable Instant at,
		@Schema(type = "string", format = "duration", example = "PT10M") @DurationMax(days = 3650,
				message = "must be at most P3650D") @Nullable Duration after)
		implements
			Schedule {

}
