package dev.timekeeper.bench;

/**
 * One of issue 8's targets, checked: {@code target case=... metric=... value=...
 * min=...|max=... met=yes|no}.
 */
final class Target {

	private Target() {
	}

	static Line atLeast(Line context, String metric, double value, double min) {
		return context.with("metric", metric)
			.with("value", value, 2)
			.with("min", min, 2)
			.with("met", yes(value >= min));
	}

	static Line atMost(Line context, String metric, double value, double max) {
		return context.with("metric", metric)
			.with("value", value, 2)
			.with("max", max, 2)
			.with("met", yes(value <= max));
	}

	private static String yes(boolean met) {
		return met ? "yes" : "no";
	}

}
