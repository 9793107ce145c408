package dev.timekeeper.jobs;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.quartz.SchedulerConfigException;
import org.quartz.spi.ThreadPool;

/**
 * Quartz's worker threads: at most {@code threadCount} runs at once, on threads started
 * when needed and stopped after a minute idle, handed their runs by a queue.
 * <p>
 * Quartz's own {@code SimpleThreadPool} starts every thread up front, and hands over each
 * run under one monitor that wakes every waiting thread ({@code notifyAll}): with 100
 * threads, a burst of one-shot jobs spent as much CPU time there as in the runs. Its
 * batch of due triggers is as large as the threads free, so a small pool makes small
 * batches, and a large one of Quartz's costs memory and that CPU time.
 * <p>
 * Platform threads rather than virtual ones: a run may block inside a
 * {@code synchronized} block (the H2 driver, OSHI's native calls), which on Java 21 holds
 * its carrier thread, and a few such runs would stall all the others.
 */
public class RunThreads implements ThreadPool {

	private int threadCount = 10;

	private int threadPriority = Thread.NORM_PRIORITY;

	private String instanceName = "quartz";

	private @Nullable Semaphore free;

	private @Nullable ThreadPoolExecutor executor;

	private volatile boolean shutdown;

	/**
	 * Sets how many runs may run at once ({@code org.quartz.threadPool.threadCount}).
	 * @param threadCount the most threads
	 */
	public void setThreadCount(int threadCount) {
		this.threadCount = threadCount;
	}

	/**
	 * Sets the worker threads' priority ({@code org.quartz.threadPool.threadPriority}, as
	 * Quartz's own pool has it).
	 * @param threadPriority a priority from {@link Thread#MIN_PRIORITY} to
	 * {@link Thread#MAX_PRIORITY}
	 */
	public void setThreadPriority(int threadPriority) {
		this.threadPriority = threadPriority;
	}

	@Override
	public void setInstanceId(String schedInstId) {
	}

	@Override
	public void setInstanceName(String schedName) {
		this.instanceName = schedName;
	}

	@Override
	public void initialize() throws SchedulerConfigException {
		if (this.threadCount < 1) {
			throw new SchedulerConfigException("threadCount must be at least 1, not " + this.threadCount);
		}
		if (this.threadPriority < Thread.MIN_PRIORITY || this.threadPriority > Thread.MAX_PRIORITY) {
			throw new SchedulerConfigException("threadPriority must be from 1 to 10, not " + this.threadPriority);
		}
		this.free = new Semaphore(this.threadCount);
		ThreadFactory threads = Thread.ofPlatform()
			.name(this.instanceName + "_Worker-", 1)
			.priority(this.threadPriority)
			.factory();
		ThreadPoolExecutor started = new ThreadPoolExecutor(this.threadCount, this.threadCount, 60, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>(), threads);
		started.allowCoreThreadTimeOut(true);
		this.executor = started;
	}

	/**
	 * Starts the run, waiting for a free thread first (Quartz asks
	 * {@link #blockForAvailableThreads()} before it fires, so there is one).
	 * @return false once shut down
	 */
	@Override
	public boolean runInThread(Runnable runnable) {
		Semaphore permits = initialized(this.free);
		return takeThread(permits) && start(runnable, permits);
	}

	private boolean start(Runnable runnable, Semaphore permits) {
		try {
			initialized(this.executor).execute(() -> {
				try {
					runnable.run();
				}
				finally {
					permits.release();
				}
			});
			return true;
		}
		catch (RejectedExecutionException ex) {
			permits.release();
			return false;
		}
	}

	/**
	 * Waits until a thread is free.
	 * @return how many are free, 0 once shut down
	 */
	@Override
	public int blockForAvailableThreads() {
		Semaphore permits = initialized(this.free);
		if (!takeThread(permits)) {
			return 0;
		}
		// only Quartz's scheduler thread takes threads: no fewer are free when it asks
		permits.release();
		return permits.availablePermits();
	}

	/** Takes a free thread, waiting for one; false once shut down or interrupted. */
	private boolean takeThread(Semaphore permits) {
		while (!this.shutdown) {
			try {
				if (permits.tryAcquire(500, TimeUnit.MILLISECONDS)) {
					return true;
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return false;
	}

	@Override
	public void shutdown(boolean waitForJobsToComplete) {
		this.shutdown = true;
		ThreadPoolExecutor running = this.executor;
		if (running == null) {
			return;
		}
		running.shutdown();
		if (!waitForJobsToComplete) {
			return;
		}
		try {
			while (!running.awaitTermination(1, TimeUnit.SECONDS)) {
				// as Quartz's own pool: waits as long as the runs take
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public int getPoolSize() {
		return this.threadCount;
	}

	private static <T> T initialized(@Nullable T value) {
		if (value == null) {
			throw new IllegalStateException("the thread pool is not initialized");
		}
		return value;
	}

}
