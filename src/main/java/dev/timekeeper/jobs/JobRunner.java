package dev.timekeeper.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import dev.timekeeper.execution.ExecutionLog;
import dev.timekeeper.execution.FinishedRun;
import dev.timekeeper.execution.Outcome;
import dev.timekeeper.jobs.RunningRuns.Stop;
import dev.timekeeper.jobtypes.JobFailedException;
import dev.timekeeper.jobtypes.JobRun;
import dev.timekeeper.jobtypes.JobTypes;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Runs one fire on the calling worker thread: waits out its jitter, runs its type within
 * its timeout, and hands the finished run to the execution history, which only queues it
 * (the database write happens on another thread).
 */
@Component
class JobRunner {

	private static final Logger logger = LoggerFactory.getLogger(JobRunner.class);

	/**
	 * The longest a run waits for its fire time: more than a fire-ahead window plus the
	 * fire lead ({@code FireLead}, at most 500 ms) would make it.
	 */
	private static final Duration MAX_FIRE_AHEAD = Duration.ofSeconds(1);

	private final JobTypes jobTypes;

	private final ExecutionLog executions;

	private final RunningRuns running;

	private final SchedulerMetrics metrics;

	private final Clock clock;

	JobRunner(JobTypes jobTypes, ExecutionLog executions, RunningRuns running, SchedulerMetrics metrics, Clock clock) {
		this.jobTypes = jobTypes;
		this.executions = executions;
		this.running = running;
		this.metrics = metrics;
		this.clock = clock;
	}

	/**
	 * Runs a fire and records it.
	 * @param firing the fire
	 * @return how the run ended
	 */
	Outcome run(Firing firing) {
		awaitFireTime(firing.firedFor());
		Instant entered = this.clock.instant();
		this.metrics.fired(firing.group(), Duration.between(firing.firedFor(), entered));
		RunningRuns.Run run = this.running.start();
		Instant started = entered;
		Map<String, Object> result = null;
		Throwable failure = null;
		try {
			delay(firing.jitter());
			started = this.clock.instant();
			if (firing.timeout() != null) {
				run.limit(firing.timeout());
			}
			result = this.jobTypes.run(firing.type(), firing.params(),
					new JobRun(firing.group(), firing.name(), firing.scheduledAt(), firing.attempt()));
		}
		catch (Throwable ex) {
			// Errors too: the run must be finished and recorded, or its timeout would
			// interrupt this thread in the middle of its next job.
			failure = ex;
		}
		Stop stop = run.finish();
		Outcome outcome = outcome(stop, failure);
		String error = (outcome != Outcome.SUCCESS) ? error(outcome, stop, failure, firing.timeout()) : null;
		if (failure instanceof JobFailedException failed) {
			result = failed.result();
			logger.debug("{}/{} attempt {}: {}", firing.group(), firing.name(), firing.attempt(), error);
		}
		else if (outcome == Outcome.FAILED) {
			logger.warn("{}/{} attempt {} failed unexpectedly", firing.group(), firing.name(), firing.attempt(),
					failure);
		}
		this.executions
			.record(new FinishedRun(firing.group(), firing.name(), firing.type(), firing.node(), firing.fireId(),
					firing.scheduledAt(), started, this.clock.instant(), outcome, firing.attempt(), error, result));
		if (failure instanceof Error fatal) {
			throw fatal;
		}
		return outcome;
	}

	private static Outcome outcome(@Nullable Stop stop, @Nullable Throwable failure) {
		if (stop == Stop.TIMEOUT) {
			return Outcome.TIMED_OUT;
		}
		if (stop == Stop.SHUTDOWN) {
			return Outcome.INTERRUPTED;
		}
		if (failure instanceof InterruptedException) {
			// interrupted by someone else: keep the flag for the thread's owner
			Thread.currentThread().interrupt();
			return Outcome.INTERRUPTED;
		}
		return (failure != null) ? Outcome.FAILED : Outcome.SUCCESS;
	}

	/**
	 * What the execution says went wrong: a {@link JobFailedException}'s own message,
	 * otherwise words of ours, never an exception's message that may name internals.
	 */
	private static String error(Outcome outcome, @Nullable Stop stop, @Nullable Throwable failure,
			@Nullable Duration timeout) {
		return switch (outcome) {
			case TIMED_OUT -> "run exceeded its timeout of " + timeout;
			case INTERRUPTED -> (stop == Stop.SHUTDOWN) ? "run interrupted: the service shut down" : "run interrupted";
			default -> (failure instanceof JobFailedException failed && failed.getMessage() != null)
					? failed.getMessage() : "run failed unexpectedly; the server log has the details";
		};
	}

	/**
	 * Waits until the fire's time when it was handed over before it: Quartz fires a batch
	 * of triggers due within its fire-ahead window all at the time of the first, and the
	 * first a fire lead ahead of that ({@code FireLead}), so that the batch's database
	 * work is done before they are due. Quartz's clock, the system's, tells the time
	 * here; the longest wait is the window plus the lead. An interrupt (a shutdown) ends
	 * the wait and is left for the run to see.
	 */
	private static void awaitFireTime(Instant firedFor) {
		// the system clock, as Quartz's; to the microsecond, as the run's recorded start
		Duration wait = Duration.between(Instant.now(), firedFor);
		if (wait.isPositive()) {
			try {
				Thread.sleep((wait.compareTo(MAX_FIRE_AHEAD) < 0) ? wait : MAX_FIRE_AHEAD);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private static void delay(@Nullable Duration jitter) throws InterruptedException {
		long millis = (jitter != null) ? jitter.toMillis() : 0;
		if (millis > 0) {
			Thread.sleep(ThreadLocalRandom.current().nextLong(millis + 1));
		}
	}

}
