/**
 * Job types: what a job does when it fires. Each type is one {@link JobType} bean; the
 * {@link JobTypes} registry finds them, validates a job's {@code params} against the
 * type's parameter record and describes them as a JSON Schema.
 */
@NullMarked
package dev.timekeeper.jobtypes;

import org.jspecify.annotations.NullMarked;
