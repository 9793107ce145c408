package dev.timekeeper.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text exposition format (version 0.0.4), for tests: it
 * refuses any line the format does not allow, a sample whose family has no
 * {@code # TYPE}, and a series that appears twice, and answers questions about the
 * samples.
 */
public final class PrometheusText {

	private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";

	private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") .*");

	private static final Pattern TYPE = Pattern
		.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");

	private static final Pattern SAMPLE = Pattern
		.compile("(" + NAME + ")(\\{(.*)\\})? ([-+]?(?:[0-9.]+(?:[eE][-+]?[0-9]+)?|NaN|Inf))( -?[0-9]+)?");

	private static final Pattern LABEL = Pattern
		.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\\\n]|\\\\[\\\\\"n])*)\",?");

	private final List<Sample> samples;

	private PrometheusText(List<Sample> samples) {
		this.samples = samples;
	}

	/**
	 * Reads a scrape.
	 * @param text the body of {@code /actuator/prometheus}
	 * @return the samples
	 * @throws IllegalArgumentException naming the first line that is not valid
	 */
	public static PrometheusText parse(String text) {
		Map<String, String> types = new HashMap<>();
		Set<String> series = new HashSet<>();
		List<Sample> samples = new ArrayList<>();
		int number = 0;
		for (String line : text.split("\n", -1)) {
			number++;
			if (line.isEmpty() || HELP.matcher(line).matches()) {
				continue;
			}
			Matcher type = TYPE.matcher(line);
			if (type.matches()) {
				require(types.put(type.group(1), type.group(2)) == null, number, "second TYPE for " + line);
				continue;
			}
			Matcher sample = SAMPLE.matcher(line);
			require(sample.matches(), number, "not a sample: " + line);
			String name = sample.group(1);
			require(types.containsKey(family(name, types)), number, "no TYPE for " + name);
			Map<String, String> labels = labels(sample.group(3), number);
			require(series.add(name + labels), number, "series twice: " + line);
			samples.add(new Sample(name, labels, Double.parseDouble(sample.group(4).replace("Inf", "Infinity"))));
		}
		return new PrometheusText(samples);
	}

	/**
	 * The samples of a metric whose labels include the given ones.
	 * @param name the sample's name, such as {@code timekeeper_executions_total}
	 * @param labels label names and values, alternating
	 * @return the matching samples
	 */
	public List<Sample> find(String name, String... labels) {
		Map<String, String> wanted = new HashMap<>();
		for (int i = 0; i + 1 < labels.length; i += 2) {
			wanted.put(labels[i], labels[i + 1]);
		}
		return this.samples.stream()
			.filter((sample) -> sample.name().equals(name))
			.filter((sample) -> sample.labels().entrySet().containsAll(wanted.entrySet()))
			.toList();
	}

	/**
	 * Every sample, in the order of the scrape.
	 * @return the samples
	 */
	public List<Sample> samples() {
		return this.samples;
	}

	/**
	 * The sum of the matching samples' values, 0 when there are none.
	 * @param name the sample's name
	 * @param labels label names and values, alternating
	 * @return the sum
	 */
	public double sum(String name, String... labels) {
		return find(name, labels).stream().mapToDouble(Sample::value).sum();
	}

	private static String family(String name, Map<String, String> types) {
		for (String suffix : List.of("_bucket", "_count", "_sum", "_total", "_created")) {
			if (name.endsWith(suffix) && types.containsKey(name.substring(0, name.length() - suffix.length()))) {
				return name.substring(0, name.length() - suffix.length());
			}
		}
		return name;
	}

	private static Map<String, String> labels(String text, int number) {
		Map<String, String> labels = new LinkedHashMap<>();
		if (text == null || text.isEmpty()) {
			return labels;
		}
		Matcher label = LABEL.matcher(text);
		int end = 0;
		while (label.find() && label.start() == end) {
			require(labels.put(label.group(1), label.group(2)) == null, number, "label twice: " + label.group(1));
			end = label.end();
		}
		require(end == text.length(), number, "bad labels: {" + text + "}");
		return labels;
	}

	private static void require(boolean condition, int line, String message) {
		if (!condition) {
			throw new IllegalArgumentException("line " + line + ": " + message);
		}
	}

	/**
	 * One sample.
	 *
	 * @param name its name
	 * @param labels its labels
	 * @param value its value
	 */
	public record Sample(String name, Map<String, String> labels, double value) {

	}

}
