/**
 * Jobs: the REST API that creates, changes, pauses, runs and deletes scheduled jobs, the
 * schedules they follow, and how both map onto Quartz's JDBC job store. Quartz and JPA
 * types stay inside this package; {@link dev.timekeeper.jobs.JobCommands} and
 * {@link dev.timekeeper.jobs.JobQueries} are its public face.
 */
@NullMarked
package dev.timekeeper.jobs;

import org.jspecify.annotations.NullMarked;
