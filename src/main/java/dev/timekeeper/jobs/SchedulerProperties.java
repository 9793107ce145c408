package dev.timekeeper.jobs;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the scheduler behaves beyond Quartz's own {@code spring.quartz.*} settings.
 *
 * @param shutdownTimeout how long a shutdown waits for runs in progress; runs still going
 * then are interrupted and recorded as {@code INTERRUPTED}
 * @param stateMetricsMaxAge how old the counts of jobs by state published as metrics may
 * be: they are counted in the database at most this often, however often Prometheus
 * scrapes
 */
@Validated
@ConfigurationProperties("timekeeper.scheduler")
public record SchedulerProperties(@DefaultValue("PT30S") Duration shutdownTimeout,
		@DefaultValue("PT10S") Duration stateMetricsMaxAge) {

}
