package dev.timekeeper.jobs;

import javax.sql.DataSource;

import org.quartz.Scheduler;
import org.quartz.SchedulerMetaData;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The scheduler's health, as {@code scheduler} in {@code /actuator/health}: UP when it is
 * started and its job store answers, OUT_OF_SERVICE in standby (paused through the API),
 * DOWN when it is shut down or its tables cannot be read.
 */
@Component
class SchedulerHealthIndicator extends AbstractHealthIndicator {

	private final Scheduler scheduler;

	private final RunningRuns running;

	private final JdbcTemplate jdbc;

	private final ClusterNodes nodes;

	SchedulerHealthIndicator(Scheduler scheduler, RunningRuns running, DataSource dataSource, ClusterNodes nodes) {
		super("Scheduler health check failed");
		this.scheduler = scheduler;
		this.running = running;
		this.nodes = nodes;
		this.jdbc = new JdbcTemplate(dataSource);
		this.jdbc.setQueryTimeout(5);
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws Exception {
		SchedulerMetaData meta = this.scheduler.getMetaData();
		builder.withDetail("name", meta.getSchedulerName())
			.withDetail("instanceId", meta.getSchedulerInstanceId())
			.withDetail("clustered", meta.isJobStoreClustered())
			.withDetail("threadPoolSize", meta.getThreadPoolSize())
			.withDetail("runningHere", this.running.count());
		boolean jobStore = jobStoreAnswers();
		builder.withDetail("jobStore", jobStore ? "reachable" : "unreachable");
		if (jobStore && meta.isJobStoreClustered()) {
			builder.withDetail("nodes", this.nodes.nodes());
		}
		if (meta.isShutdown()) {
			builder.down().withDetail("state", "SHUT_DOWN");
		}
		else if (!jobStore) {
			builder.down().withDetail("state", meta.isInStandbyMode() ? "STANDBY" : "STARTED");
		}
		else if (meta.isInStandbyMode()) {
			builder.outOfService().withDetail("state", "STANDBY");
		}
		else {
			builder.up().withDetail("state", "STARTED");
		}
	}

	private boolean jobStoreAnswers() {
		try {
			this.jdbc.queryForObject("SELECT COUNT(*) FROM QRTZ_LOCKS", Long.class);
			return true;
		}
		catch (DataAccessException ex) {
			return false;
		}
	}

}
