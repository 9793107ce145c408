package dev.timekeeper.jobs;

/** Request bodies shown in Swagger UI: one working job for each kind of schedule. */
final class JobExamples {

	static final String INTERVAL = """
			{"group": "examples", "name": "heartbeat", "type": "noop", "description": "Every 30 seconds",
			 "schedule": {"kind": "interval", "every": "PT30S"}}""";

	static final String CRON = """
			{"group": "examples", "name": "office-hours", "type": "noop",
			 "schedule": {"kind": "cron", "expression": "0 */5 9-17 ? * MON-FRI"},
			 "timeZone": "Europe/Paris", "misfirePolicy": "SKIP"}""";

	static final String UNIX_CRON = """
			{"group": "examples", "name": "nightly", "type": "noop",
			 "schedule": {"kind": "cron", "expression": "30 2 * * 1-5"}, "timeZone": "America/New_York"}""";

	static final String MACRO = """
			{"group": "examples", "name": "daily-report", "type": "noop",
			 "schedule": {"kind": "cron", "expression": "@daily"}, "jitter": "PT30S"}""";

	static final String ONCE = """
			{"group": "examples", "name": "one-shot", "type": "noop", "params": {"duration": "PT1S"},
			 "schedule": {"kind": "once", "after": "PT10M"}}""";

	static final String DAILY = """
			{"group": "examples", "name": "monday-lunch", "type": "noop",
			 "schedule": {"kind": "daily", "at": "12:00", "days": ["MON"]}, "timeZone": "Europe/London"}""";

	static final String RETRIED = """
			{"group": "examples", "name": "careful", "type": "noop", "params": {"duration": "PT2S"},
			 "schedule": {"kind": "interval", "every": "PT1M"},
			 "retry": {"maxAttempts": 3, "backoff": "PT10S"}, "timeout": "PT1M"}""";

	static final String PUT = """
			{"type": "noop", "schedule": {"kind": "interval", "every": "PT1M", "times": 10},
			 "allowConcurrent": false, "misfirePolicy": "FIRE_NOW"}""";

	static final String BATCH = """
			{"jobs": [
			 {"group": "examples", "name": "batch-heartbeat", "type": "noop", "schedule": {"kind": "interval", "every": "PT30S"}},
			 {"group": "examples", "name": "batch-nightly", "type": "noop",
			  "schedule": {"kind": "cron", "expression": "30 2 * * *"}, "timeZone": "Europe/Paris"},
			 {"group": "examples", "name": "batch-once", "type": "noop", "schedule": {"kind": "once", "after": "PT10M"}}]}""";

	static final String PREVIEW = """
			{"schedule": {"kind": "cron", "expression": "0 9 * * 1-5"}, "timeZone": "Asia/Tokyo", "count": 5}""";

	private JobExamples() {
	}

}
