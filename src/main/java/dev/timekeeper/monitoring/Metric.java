package dev.timekeeper.monitoring;

import org.jspecify.annotations.Nullable;

/**
 * A meter a monitoring job publishes: its dotted Micrometer name, base unit and help
 * text. The Prometheus registry turns the name into snake case with the unit and, for
 * counters, {@code _total} appended ({@code timekeeper.network.receive} in bytes becomes
 * {@code timekeeper_network_receive_bytes_total}).
 *
 * @param name the dotted name
 * @param baseUnit the base unit ({@code bytes}, {@code seconds}, {@code ratio}), or null
 * @param description the help text
 * @param counter whether the value only grows (a counter read from a cumulative value)
 * rather than going up and down (a gauge)
 */
public record Metric(String name, @Nullable String baseUnit, String description, boolean counter) {

	/**
	 * A value that goes up and down.
	 * @param name the dotted name
	 * @param baseUnit the base unit, or null
	 * @param description the help text
	 * @return the metric
	 */
	public static Metric gauge(String name, @Nullable String baseUnit, String description) {
		return new Metric(name, baseUnit, description, false);
	}

	/**
	 * A cumulative value that only grows (until the thing it counts is reset).
	 * @param name the dotted name
	 * @param baseUnit the base unit, or null
	 * @param description the help text
	 * @return the metric
	 */
	public static Metric counter(String name, @Nullable String baseUnit, String description) {
		return new Metric(name, baseUnit, description, true);
	}

}
