package dev.timekeeper.bench;

import java.util.Locale;

/**
 * One summary line: a case name and {@code key=value} pairs, values without spaces, so
 * that {@code grep} and {@code awk} (or any key=value parser) read it.
 */
final class Line {

	private final StringBuilder text;

	private Line(String kind) {
		this.text = new StringBuilder(kind);
	}

	static Line of(String kind) {
		return new Line(kind);
	}

	Line with(String key, Object value) {
		this.text.append(' ').append(key).append('=').append(String.valueOf(value).replaceAll("\\s+", "_"));
		return this;
	}

	/**
	 * A decimal value.
	 * @param key its key
	 * @param value the value
	 * @param decimals digits after the point
	 * @return this line
	 */
	Line with(String key, double value, int decimals) {
		return with(key, String.format(Locale.ROOT, "%." + decimals + "f", value));
	}

	@Override
	public String toString() {
		return this.text.toString();
	}

}
