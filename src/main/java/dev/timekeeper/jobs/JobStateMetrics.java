package dev.timekeeper.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Publishes how many jobs are in each state ({@code timekeeper.jobs}, one series per
 * state). The counts come from one grouped query, run when a scrape asks and the last
 * count is older than {@code timekeeper.scheduler.state-metrics-max-age}, so frequent
 * scrapes of a large job store cost one query per period.
 */
@Component
class JobStateMetrics {

	private final JobStateCounts states;

	private final Clock clock;

	private final Duration maxAge;

	private Map<JobState, Long> counts = new EnumMap<>(JobState.class);

	private Instant countedAt = Instant.MIN;

	JobStateMetrics(JobStateCounts states, Clock clock, SchedulerProperties properties, MeterRegistry registry) {
		this.states = states;
		this.clock = clock;
		this.maxAge = properties.stateMetricsMaxAge();
		for (JobState state : JobState.values()) {
			Gauge.builder("timekeeper.jobs", this, (metrics) -> metrics.count(state))
				.description("Jobs in each state, across the cluster")
				.tag("state", state.name())
				.register(registry);
		}
	}

	private synchronized double count(JobState state) {
		Instant now = this.clock.instant();
		if (this.countedAt.plus(this.maxAge).isBefore(now)) {
			this.counts = this.states.countByState();
			this.countedAt = now;
		}
		return this.counts.getOrDefault(state, 0L);
	}

}
