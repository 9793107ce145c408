package dev.timekeeper.execution;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A run as the firing path reports it, to be recorded as an execution.
 *
 * @param group the job's group
 * @param name the job's name
 * @param type the job's type
 * @param node the scheduler instance that ran it
 * @param fireId Quartz's id of the fire (unique per fire across a cluster)
 * @param scheduledAt the fire time the run answers (a retry keeps its fire's time)
 * @param startedAt when the type started
 * @param finishedAt when it ended
 * @param outcome how it ended
 * @param attempt 1 for the first run of a fire, more for retries
 * @param error what went wrong, one line, when it did not succeed
 * @param result the values the type returned
 */
public record FinishedRun(String group, String name, String type, String node, @Nullable String fireId,
		Instant scheduledAt, Instant startedAt, Instant finishedAt, Outcome outcome, int attempt,
		@Nullable String error, @Nullable Map<String, Object> result) {

}
