package dev.timekeeper.jobs;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One fire of a job as Quartz delivered it, read from the job's data map and the
 * trigger's.
 *
 * @param group the job's group
 * @param name the job's name
 * @param type the job's type
 * @param params the type's parameters, as stored JSON
 * @param node the scheduler instance running it
 * @param fireId Quartz's id of this fire
 * @param firedFor the time the trigger was due (for a retry, the retry's own time)
 * @param scheduledAt the fire time the run answers (for a retry, the original fire's)
 * @param attempt 1, or more for a retry
 * @param jitter the most the run is delayed, when it is delayed at all
 * @param timeout the longest the run may take, if bounded
 * @param retry how a failure is retried, if at all
 * @param endAt the job's {@code endAt}, after which no retry fires
 */
record Firing(String group, String name, String type, String params, String node, String fireId, Instant firedFor,
		Instant scheduledAt, int attempt, @Nullable Duration jitter, @Nullable Duration timeout, @Nullable Retry retry,
		@Nullable Instant endAt) {

}
