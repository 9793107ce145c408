package dev.timekeeper.jobs;

import java.time.Duration;

import dev.timekeeper.execution.ExecutionLog;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * A bounded graceful shutdown: no new fires start, runs in progress get
 * {@code timekeeper.scheduler.shutdown-timeout} to finish, those still going are then
 * interrupted (and recorded as {@code INTERRUPTED}), and every finished run is stored
 * before the database goes away. Quartz's own shutdown, which follows, then finds no run
 * left to wait for.
 */
@Component
class SchedulerShutdown implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(SchedulerShutdown.class);

	/** How long interrupted runs get to return and be recorded. */
	private static final Duration AFTER_INTERRUPT = Duration.ofSeconds(5);

	private final Scheduler scheduler;

	private final RunningRuns running;

	private final ExecutionLog executions;

	private final Duration timeout;

	private volatile boolean started;

	SchedulerShutdown(Scheduler scheduler, RunningRuns running, ExecutionLog executions,
			SchedulerProperties properties) {
		this.scheduler = scheduler;
		this.running = running;
		this.executions = executions;
		this.timeout = properties.shutdownTimeout();
	}

	@Override
	public void start() {
		this.started = true;
	}

	@Override
	public void stop() {
		this.started = false;
		try {
			this.scheduler.standby();
			if (!this.running.awaitIdle(this.timeout)) {
				logger.warn("Interrupting {} run(s) still going after {}", this.running.count(), this.timeout);
				this.running.interruptAll();
				this.running.awaitIdle(AFTER_INTERRUPT);
			}
			this.executions.flush(AFTER_INTERRUPT.toMillis());
		}
		catch (SchedulerException ex) {
			logger.warn("Could not put the scheduler in standby: {}", ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.started;
	}

	/** Stops with Quartz's scheduler, before the web server and the database. */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE;
	}

}
