package dev.timekeeper.jobs;

import java.time.LocalTime;
import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Fires at a local time of day, every day or on the given days, in the job's time zone.
 *
 * @param at the local time, {@code HH:mm} or {@code HH:mm:ss}
 * @param days the days to fire on; every day when absent or empty
 */
@Schema(description = "Fires at a local time of day in the job's timeZone, on the given days (every day when absent)")
public record DailySchedule(
		@Schema(type = "string", pattern = "^\\d{2}:\\d{2}(:\\d{2})?$", example = "12:00",
				requiredMode = Schema.RequiredMode.REQUIRED) @NotNull LocalTime at,
		@ArraySchema(schema = @Schema(implementation = Weekday.class),
				arraySchema = @Schema(example = "[\"MON\"]")) @Size(max = 7) @Nullable List<@NotNull Weekday> days)
		implements
			Schedule {

}
