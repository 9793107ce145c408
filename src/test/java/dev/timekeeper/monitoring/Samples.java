package dev.timekeeper.monitoring;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.timekeeper.jobtypes.JobRun;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import oshi.SystemInfo;

/**
 * What the monitoring type tests share: one real {@link SystemInfo} for the test JVM, as
 * in the application, a Prometheus registry to scrape, and helpers to dig into results.
 */
final class Samples {

	static final SystemInfo SYSTEM_INFO = new SystemInfo();

	static final Clock CLOCK = Clock.systemUTC();

	private Samples() {
	}

	static PrometheusMeterRegistry registry() {
		return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
	}

	static JobRun run(String name) {
		return new JobRun("tests", name, Instant.now(), 1);
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> list(Object value) {
		return (List<Map<String, Object>>) value;
	}

	static long number(Map<String, Object> map, String key) {
		return ((Number) map.get(key)).longValue();
	}

}
