package dev.timekeeper.monitoring;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which names (of interfaces, mount points, disks) a job samples: those matching one of
 * the include patterns, or any name when there are none, and none of the exclude
 * patterns. Patterns are Java regular expressions matched against the whole name.
 *
 * @param include patterns of names to sample; empty for all
 * @param exclude patterns of names to leave out
 */
record NameFilter(List<Pattern> include, List<Pattern> exclude) {

	static NameFilter of(List<String> include, List<String> exclude) {
		return new NameFilter(include.stream().map(Pattern::compile).toList(),
				exclude.stream().map(Pattern::compile).toList());
	}

	boolean matches(String name) {
		return (this.include.isEmpty() || this.include.stream().anyMatch((pattern) -> pattern.matcher(name).matches()))
				&& this.exclude.stream().noneMatch((pattern) -> pattern.matcher(name).matches());
	}

}
