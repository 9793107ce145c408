package dev.timekeeper.deploy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a PromQL expression reads: the metric names it selects, the label names it matches
 * on each, and the label names it groups or joins by. Functions, aggregations, keywords,
 * numbers, durations, strings and Grafana's {@code $variables} are left out. Enough
 * PromQL for checking dashboards and rules against a scrape; not a parser.
 */
final class PromQl {

	private static final Pattern TOKEN = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`" // strings
			+ "|(?<matchers>\\{[^}]*})" // label matchers
			+ "|\\[[^]]*]" // ranges and subqueries
			+ "|\\$\\{?\\w+}?" // Grafana variables
			+ "|[0-9][0-9a-zA-Z_.]*" // numbers and durations
			+ "|(?<identifier>[a-zA-Z_:][a-zA-Z0-9_:]*)" //
			+ "|(?<open>\\()|(?<close>\\))|\\S");

	private static final Pattern MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(?:=~|!~|!=|=)");

	/** Keywords followed by a list of label names in parentheses. */
	private static final Set<String> LABEL_LISTS = Set.of("by", "without", "on", "ignoring", "group_left",
			"group_right");

	private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "atan2", "inf", "nan");

	private static final Set<String> AGGREGATIONS = Set.of("sum", "min", "max", "avg", "group", "stddev", "stdvar",
			"count", "count_values", "bottomk", "topk", "quantile", "limitk", "limit_ratio");

	private PromQl() {
	}

	/**
	 * Reads an expression.
	 * @param expression PromQL, as in a dashboard or a rule file
	 * @return what it reads
	 */
	static Reads read(String expression) {
		List<Token> tokens = tokens(expression);
		List<Selector> selectors = new ArrayList<>();
		Set<String> grouping = new LinkedHashSet<>();
		for (int i = 0; i < tokens.size(); i++) {
			Token token = tokens.get(i);
			if (token.kind() != Kind.IDENTIFIER) {
				continue;
			}
			String word = token.text();
			Token next = (i + 1 < tokens.size()) ? tokens.get(i + 1) : null;
			if (LABEL_LISTS.contains(word)) {
				if (next != null && next.kind() == Kind.OPEN) {
					for (i += 2; i < tokens.size() && tokens.get(i).kind() != Kind.CLOSE; i++) {
						if (tokens.get(i).kind() == Kind.IDENTIFIER) {
							grouping.add(tokens.get(i).text());
						}
					}
				}
				continue;
			}
			boolean call = next != null
					&& (next.kind() == Kind.OPEN || (AGGREGATIONS.contains(word) && LABEL_LISTS.contains(next.text())));
			if (call || KEYWORDS.contains(word.toLowerCase())) {
				continue;
			}
			Set<String> labels = new LinkedHashSet<>();
			if (next != null && next.kind() == Kind.MATCHERS) {
				Matcher matcher = MATCHER.matcher(next.text());
				while (matcher.find()) {
					labels.add(matcher.group(1));
				}
			}
			selectors.add(new Selector(word, labels));
		}
		return new Reads(selectors, grouping);
	}

	private static List<Token> tokens(String expression) {
		List<Token> tokens = new ArrayList<>();
		Matcher matcher = TOKEN.matcher(expression);
		while (matcher.find()) {
			Kind kind = (matcher.group("identifier") != null) ? Kind.IDENTIFIER
					: (matcher.group("matchers") != null) ? Kind.MATCHERS : (matcher.group("open") != null) ? Kind.OPEN
							: (matcher.group("close") != null) ? Kind.CLOSE : Kind.OTHER;
			tokens.add(new Token(kind, matcher.group()));
		}
		return tokens;
	}

	/**
	 * What an expression reads.
	 *
	 * @param selectors the metrics it selects, in order
	 * @param grouping the labels of its {@code by}, {@code without}, {@code on},
	 * {@code ignoring} and {@code group_*} clauses
	 */
	record Reads(List<Selector> selectors, Set<String> grouping) {

		Set<String> metrics() {
			Set<String> metrics = new LinkedHashSet<>();
			this.selectors.forEach((selector) -> metrics.add(selector.metric()));
			return metrics;
		}

	}

	/**
	 * One metric the expression selects.
	 *
	 * @param metric its name
	 * @param labels the labels its matchers name
	 */
	record Selector(String metric, Set<String> labels) {

	}

	private enum Kind {

		IDENTIFIER, MATCHERS, OPEN, CLOSE, OTHER

	}

	private record Token(Kind kind, String text) {

	}

}
