package dev.timekeeper.execution;

import java.time.Instant;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * One recorded run of a job, as the API shows it.
 *
 * @param id the execution's id
 * @param group the job's group
 * @param name the job's name
 * @param type the job's type
 * @param node the scheduler instance that ran it
 * @param scheduledAt the fire time it answers (retries keep their fire's time)
 * @param startedAt when the run started
 * @param finishedAt when it ended
 * @param durationMs how long it took, in milliseconds
 * @param outcome how it ended
 * @param attempt 1 for the first run of a fire, more for retries
 * @param error what went wrong, when it did not succeed
 * @param result the type's own values, such as the sample a monitoring job took
 */
@Schema(description = "One run of a job")
public record Execution(@Schema(example = "4211") long id, @Schema(example = "examples") String group,
		@Schema(example = "careful") String name, @Schema(example = "noop") String type,
		@Schema(example = "node-a", description = "The Quartz instance that ran it") String node,
		@Schema(example = "2030-01-01T09:00:00Z") Instant scheduledAt,
		@Schema(example = "2030-01-01T09:00:00.002Z") Instant startedAt,
		@Schema(example = "2030-01-01T09:00:02.004Z") Instant finishedAt, @Schema(example = "2002") long durationMs,
		Outcome outcome, @Schema(example = "1") int attempt,
		@Schema(example = "run exceeded its timeout of PT1M") @Nullable String error,
		@Schema(example = "{\"sleptMs\": 2000}") @Nullable Map<String, Object> result) {

}
