package dev.timekeeper.jobs;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A job as Timekeeper keeps it: a {@link JobRequest} checked and with every default
 * filled in. Stored as one JSON document beside Quartz's own tables.
 */
record JobSpec(String group, String name, String type, @Nullable String description, Map<String, Object> params,
		Schedule schedule, @Nullable Instant startAt, @Nullable Instant endAt, String timeZone,
		MisfirePolicy misfirePolicy, boolean allowConcurrent, @Nullable Duration jitter, @Nullable Retry retry,
		@Nullable Duration timeout) {

	JobId id() {
		return new JobId(this.group, this.name);
	}

	ZoneId zone() {
		return ZoneId.of(this.timeZone);
	}

}
