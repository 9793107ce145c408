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
public record Execution(long id, String group, String name, String type, String node, Instant scheduledAt,
		Instant startedAt, Instant finishedAt, long durationMs, Outcome outcome, int attempt, @Nullable String error,
		@Nullable Map<String, Object> result) {

}
