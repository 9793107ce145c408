package dev.timekeeper.jobs;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The runs in progress on this node: a run past its timeout, or still going when the
 * service shuts down, is stopped by interrupting its worker thread. One watchdog thread
 * serves every timeout.
 */
@Component
class RunningRuns implements DisposableBean {

	private final ScheduledThreadPoolExecutor watchdog = new ScheduledThreadPoolExecutor(1,
			Thread.ofPlatform().name("run-watchdog").daemon().factory());

	RunningRuns() {
		// a run that ends in time cancels its timer, which must then leave the queue at
		// once rather than at its deadline (a day later, say)
		this.watchdog.setRemoveOnCancelPolicy(true);
	}

	private final Set<Run> runs = ConcurrentHashMap.newKeySet();

	/**
	 * Registers a run of the calling thread.
	 * @return the run, to be finished by the same thread
	 */
	Run start() {
		Run run = new Run(Thread.currentThread());
		this.runs.add(run);
		return run;
	}

	int count() {
		return this.runs.size();
	}

	/**
	 * Waits until no run is in progress.
	 * @param timeout how long to wait at most
	 * @return whether every run finished in time
	 * @throws InterruptedException if interrupted while waiting
	 */
	boolean awaitIdle(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (this.runs) {
			while (!this.runs.isEmpty()) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					return false;
				}
				TimeUnit.NANOSECONDS.timedWait(this.runs, left);
			}
		}
		return true;
	}

	/** Interrupts every run in progress, as the service shuts down. */
	void interruptAll() {
		this.runs.forEach((run) -> run.stop(Stop.SHUTDOWN));
	}

	@Override
	public void destroy() {
		this.watchdog.shutdownNow();
	}

	/** Why a run was stopped. */
	enum Stop {

		/** It ran past its timeout. */
		TIMEOUT,

		/** The service is shutting down. */
		SHUTDOWN

	}

	/** One run in progress, owned by its worker thread. */
	final class Run {

		private final Thread thread;

		private boolean active = true;

		private @Nullable Stop stop;

		private @Nullable ScheduledFuture<?> timer;

		private Run(Thread thread) {
			this.thread = thread;
		}

		/**
		 * Interrupts the run if it is still going after the given time.
		 * @param timeout the longest it may take from now
		 */
		synchronized void limit(Duration timeout) {
			if (this.active) {
				this.timer = RunningRuns.this.watchdog.schedule(() -> stop(Stop.TIMEOUT), timeout.toNanos(),
						TimeUnit.NANOSECONDS);
			}
		}

		private synchronized void stop(Stop reason) {
			if (this.active && this.stop == null) {
				this.stop = reason;
				this.thread.interrupt();
			}
		}

		/**
		 * Ends the run. Called by its own thread; the interrupt this class delivered, if
		 * any, is cleared so that it cannot reach the thread's next job.
		 * @return why the run was stopped, or {@code null} if it was not
		 */
		@Nullable Stop finish() {
			Stop reason;
			synchronized (this) {
				this.active = false;
				if (this.timer != null) {
					this.timer.cancel(false);
				}
				reason = this.stop;
			}
			if (reason != null) {
				Thread.interrupted();
			}
			RunningRuns.this.runs.remove(this);
			synchronized (RunningRuns.this.runs) {
				RunningRuns.this.runs.notifyAll();
			}
			return reason;
		}

	}

}
