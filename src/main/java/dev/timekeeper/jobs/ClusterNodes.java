package dev.timekeeper.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The instances of a cluster, from Quartz's own check-in table: each instance records
 * there that it is alive, every check-in interval. Empty when not clustered.
 */
@Component
class ClusterNodes {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final String schedulerName;

	ClusterNodes(JdbcClient jdbc, Clock clock, Scheduler scheduler) throws SchedulerException {
		this.jdbc = jdbc;
		this.clock = clock;
		this.schedulerName = scheduler.getSchedulerName();
	}

	List<Node> nodes() {
		Instant now = this.clock.instant();
		return this.jdbc
			.sql("SELECT INSTANCE_NAME, LAST_CHECKIN_TIME, CHECKIN_INTERVAL FROM QRTZ_SCHEDULER_STATE"
					+ " WHERE SCHED_NAME = :sched ORDER BY INSTANCE_NAME")
			.param("sched", this.schedulerName)
			.query((rs, row) -> {
				Instant checkedIn = Instant.ofEpochMilli(rs.getLong(2));
				Duration interval = Duration.ofMillis(rs.getLong(3));
				// Quartz itself takes an instance for dead once it is this late (plus 7.5
				// s)
				boolean alive = checkedIn.plus(interval.multipliedBy(2)).isAfter(now);
				return new Node(rs.getString(1), checkedIn, interval, alive);
			})
			.list();
	}

	/**
	 * One instance of the cluster.
	 *
	 * @param instanceId its Quartz instance id (executions record it as their node)
	 * @param lastCheckIn when it last said it was alive
	 * @param checkinInterval how often it says so
	 * @param alive whether it checked in within two intervals
	 */
	@Schema(description = "An instance of the cluster")
	public record Node(String instanceId, Instant lastCheckIn, Duration checkinInterval, boolean alive) {

	}

}
