package dev.timekeeper.deploy;

import dev.timekeeper.deploy.PromQl.Selector;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reader that the dashboard and rule checks rely on finds every metric and label an
 * expression names, and nothing else.
 */
class PromQlTests {

	@Test
	void aggregationsFunctionsRangesAndNumbersAreNotMetrics() {
		PromQl.Reads reads = PromQl.read(
				"histogram_quantile(0.99, sum by (instance, le) (rate(timekeeper_fire_lag_seconds_bucket[5m]))) > 1e3");
		assertThat(reads.selectors())
			.containsExactly(new Selector("timekeeper_fire_lag_seconds_bucket", java.util.Set.of()));
		assertThat(reads.grouping()).containsExactly("instance", "le");
	}

	@Test
	void matchersNameTheLabelsOfTheirMetricAndTheirValuesAreIgnored() {
		PromQl.Reads reads = PromQl.read("sum(rate(timekeeper_executions_total{outcome=~\"FAILED|up\", group!='by'}"
				+ "[$__rate_interval])) / on (group) group_left sum without (type) (timekeeper_jobs) and up{job=\"tk\"} == 0");
		assertThat(reads.selectors()).containsExactly(
				new Selector("timekeeper_executions_total", java.util.Set.of("outcome", "group")),
				new Selector("timekeeper_jobs", java.util.Set.of()), new Selector("up", java.util.Set.of("job")));
		assertThat(reads.grouping()).containsExactly("group", "type");
	}

	@Test
	void aggregationsWithTheirClauseAfterwardsAndKeywordsAreSkipped() {
		PromQl.Reads reads = PromQl
			.read("max(process_cpu_usage) by (instance) unless bool -jvm_memory_used_bytes offset 5m or vector(1)");
		assertThat(reads.metrics()).containsExactly("process_cpu_usage", "jvm_memory_used_bytes");
		assertThat(reads.grouping()).containsExactly("instance");
	}

}
