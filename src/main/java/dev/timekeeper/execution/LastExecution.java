package dev.timekeeper.execution;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A job's most recent run, shown with the job.
 *
 * @param id the execution's id (see {@code GET /executions})
 * @param outcome how it ended
 * @param scheduledAt the fire time it answered
 * @param startedAt when it started
 * @param finishedAt when it ended
 * @param attempt which attempt of its fire it was
 * @param error what went wrong, when it did not succeed
 */
@Schema(description = "The job's most recent run")
public record LastExecution(long id, Outcome outcome, Instant scheduledAt, Instant startedAt, Instant finishedAt,
		int attempt, @Nullable String error) {

}
