package dev.timekeeper.jobs;

import java.time.Duration;
import java.util.Date;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter.MeterProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.quartz.JobExecutionContext;
import org.quartz.Trigger;
import org.quartz.listeners.TriggerListenerSupport;

import org.springframework.boot.quartz.autoconfigure.QuartzProperties;
import org.springframework.stereotype.Component;

/**
 * The scheduler's own behaviour as meters: how late fires start (a histogram whose
 * buckets run from a millisecond to five minutes), misfires, and runs in progress on this
 * node. Tagged by job group only, never by job name.
 */
@Component
class SchedulerMetrics extends TriggerListenerSupport {

	static final Duration[] LAG_BUCKETS = { Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
			Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(50), Duration.ofMillis(100),
			Duration.ofMillis(200), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
			Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1),
			Duration.ofMinutes(2), Duration.ofMinutes(5) };

	private final MeterProvider<Timer> lag;

	private final MeterProvider<Counter> misfires;

	/** Quartz's default, when {@code spring.quartz.properties} sets none. */
	private static final long QUARTZ_MISFIRE_THRESHOLD = 60_000;

	private final long misfireThresholdMillis;

	SchedulerMetrics(MeterRegistry registry, RunningRuns running, QuartzProperties quartz) {
		String threshold = quartz.getProperties().get("org.quartz.jobStore.misfireThreshold");
		this.misfireThresholdMillis = (threshold != null) ? Long.parseLong(threshold.trim()) : QUARTZ_MISFIRE_THRESHOLD;
		this.lag = Timer.builder("timekeeper.fire.lag")
			.description("How late runs start: actual start minus the time the trigger was due, before any jitter")
			.serviceLevelObjectives(LAG_BUCKETS)
			.withRegistry(registry);
		this.misfires = Counter.builder("timekeeper.misfires")
			.description("Fires missed by more than the misfire threshold, handled by the job's misfire policy")
			.withRegistry(registry);
		Gauge.builder("timekeeper.executions.running", running, RunningRuns::count)
			.description("Runs in progress on this node")
			.register(registry);
	}

	void fired(String group, Duration lateBy) {
		this.lag.withTags("group", group).record(lateBy.isNegative() ? Duration.ZERO : lateBy);
	}

	@Override
	public String getName() {
		return "timekeeper-metrics";
	}

	@Override
	public void triggerMisfired(Trigger trigger) {
		this.misfires.withTags("group", trigger.getJobKey().getGroup()).increment();
	}

	/**
	 * Quartz never reports a misfire of a trigger that ignores misfires
	 * ({@code FIRE_ALL}): it just fires late. Such a fire is counted here when it is
	 * later than the misfire threshold, as any other missed fire is.
	 */
	@Override
	public void triggerFired(Trigger trigger, JobExecutionContext context) {
		Date due = context.getScheduledFireTime();
		if (trigger.getMisfireInstruction() == Trigger.MISFIRE_INSTRUCTION_IGNORE_MISFIRE_POLICY && due != null
				&& System.currentTimeMillis() - due.getTime() > this.misfireThresholdMillis) {
			this.misfires.withTags("group", trigger.getJobKey().getGroup()).increment();
		}
	}

}
