package dev.timekeeper.jobtypes;

import java.time.Instant;

/**
 * Which job a run belongs to, handed to {@link JobType#run}: a type that keeps state
 * between runs (the previous CPU ticks, say) or publishes values per job keys them by
 * {@code group} and {@code name}.
 *
 * @param group the job's group
 * @param name the job's name
 * @param scheduledAt the fire time the run answers
 * @param attempt 1 for the first run of a fire, more for its retries
 */
public record JobRun(String group, String name, Instant scheduledAt, int attempt) {

}
