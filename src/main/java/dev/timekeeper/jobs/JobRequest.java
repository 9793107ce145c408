package dev.timekeeper.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;

/**
 * A job as a client writes it, for {@code POST /jobs} and {@code PUT
 * /jobs/{group}/{name}}.
 *
 * @param group the job's group ({@code default} when absent); on PUT it must match the
 * path when given
 * @param name the job's name; required on POST, taken from the path on PUT
 * @param type the job type, one of {@code GET /job-types}
 * @param description free text
 * @param params the type's parameters, as its schema in {@code GET /job-types} says
 * @param schedule when the job fires
 * @param startAt the job never fires before this instant
 * @param endAt the job never fires after this instant
 * @param timeZone IANA zone for cron and daily schedules ({@code UTC} when absent)
 * @param misfirePolicy what to do about missed fires ({@code FIRE_NOW} when absent)
 * @param allowConcurrent whether a fire may start while a run is still going (false when
 * absent)
 * @param jitter each scheduled fire is delayed by a random time up to this
 * @param retry how failed runs are tried again (no retry when absent)
 * @param timeout a run longer than this is interrupted and recorded as timed out (the
 * type's own when absent)
 */
@Schema(description = "A job: what it does (type, params) and when (schedule and options)")
public record JobRequest(
		@Schema(example = "default", pattern = JobId.NAME_REGEX) @Pattern(regexp = JobId.NAME_REGEX,
				message = JobId.NAME_MESSAGE) @Nullable String group,
		@Schema(example = "heartbeat", pattern = JobId.NAME_REGEX) @Pattern(regexp = JobId.NAME_REGEX,
				message = JobId.NAME_MESSAGE) @Nullable String name,
		@Schema(example = "noop", requiredMode = Schema.RequiredMode.REQUIRED) @NotBlank @Size(max = 100) String type,
		@Schema(example = "Proves the scheduler is alive") @Size(max = 1000) @Nullable String description,
		@Schema(description = "The type's parameters; see GET /api/v1/job-types",
				example = "{\"duration\":\"PT1S\"}") @Nullable Map<String, Object> params,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @NotNull @Valid Schedule schedule,
		@Schema(example = "2030-01-01T00:00:00Z") @Nullable Instant startAt,
		@Schema(example = "2031-01-01T00:00:00Z") @Nullable Instant endAt,
		@Schema(example = "Europe/Paris", defaultValue = "UTC") @Size(max = 64) @Nullable String timeZone,
		@Schema(defaultValue = "FIRE_NOW") @Nullable MisfirePolicy misfirePolicy,
		@Schema(defaultValue = "false") @Nullable Boolean allowConcurrent,
		@Schema(type = "string", format = "duration", example = "PT5S") @Nullable Duration jitter,
		@Valid @Nullable Retry retry,
		@Schema(type = "string", format = "duration", example = "PT30S",
				description = "ISO-8601, PT0.1S to P1D") @DurationMin(
						millis = 100) @DurationMax(days = 1) @Nullable Duration timeout) {

}
