package dev.timekeeper.jobs;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.SchedulerConfigException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * At most {@code threadCount} runs at once, each on a worker thread named after the
 * scheduler; Quartz is told how many threads are free, and a shutdown may wait for the
 * runs.
 */
class RunThreadsTests {

	private final RunThreads pool = new RunThreads();

	private final CountDownLatch release = new CountDownLatch(1);

	@AfterEach
	void shutdown() {
		this.release.countDown();
		this.pool.shutdown(true);
	}

	@Test
	void runsNoMoreThanThreadCountAtOnceAndSaysHowManyAreFree() throws Exception {
		start(3);
		assertThat(this.pool.getPoolSize()).isEqualTo(3);
		assertThat(this.pool.blockForAvailableThreads()).isEqualTo(3);
		AtomicInteger running = new AtomicInteger();
		for (int i = 0; i < 2; i++) {
			assertThat(this.pool.runInThread(() -> {
				running.incrementAndGet();
				awaitRelease();
			})).isTrue();
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> running.get() == 2);
		assertThat(this.pool.blockForAvailableThreads()).isEqualTo(1);
		assertThat(this.pool.runInThread(this::awaitRelease)).isTrue();

		Thread asking = Thread.ofPlatform().start(this.pool::blockForAvailableThreads);
		assertThat(asking.join(Duration.ofMillis(200))).as("waits while every thread is busy").isFalse();
		this.release.countDown();
		assertThat(asking.join(Duration.ofSeconds(10))).isTrue();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.pool.blockForAvailableThreads() == 3);
	}

	@Test
	void workerThreadsAreNamedAfterTheScheduler() throws Exception {
		start(2);
		assertThat(onWorker(() -> Thread.currentThread().getName())).isEqualTo("timekeeper_Worker-1");
	}

	@Test
	void shutdownWaitsForTheRunsWhenAskedAndThenTakesNoMore() throws Exception {
		start(2);
		AtomicInteger finished = new AtomicInteger();
		this.pool.runInThread(() -> {
			awaitRelease();
			finished.incrementAndGet();
		});
		Thread stopping = Thread.ofPlatform().start(() -> this.pool.shutdown(true));
		assertThat(stopping.join(Duration.ofMillis(200))).as("waits for the run").isFalse();
		assertThat(finished).hasValue(0);
		this.release.countDown();
		assertThat(stopping.join(Duration.ofSeconds(10))).isTrue();
		assertThat(finished).hasValue(1);
		assertThat(this.pool.runInThread(finished::incrementAndGet)).isFalse();
		assertThat(this.pool.blockForAvailableThreads()).isZero();
		assertThat(finished).hasValue(1);
	}

	@Test
	void workerThreadsHaveTheConfiguredPriority() throws Exception {
		this.pool.setThreadPriority(Thread.MIN_PRIORITY);
		start(1);
		assertThat(onWorker(() -> Thread.currentThread().getPriority())).isEqualTo(Thread.MIN_PRIORITY);
	}

	@Test
	void refusesAPriorityOutsideJavasRange() {
		this.pool.setThreadPriority(11);
		assertThatExceptionOfType(SchedulerConfigException.class).isThrownBy(() -> start(1))
			.withMessageContaining("threadPriority");
	}

	@Test
	void refusesAPoolWithoutThreads() {
		this.pool.setThreadCount(0);
		assertThatExceptionOfType(SchedulerConfigException.class).isThrownBy(this.pool::initialize)
			.withMessageContaining("threadCount");
	}

	private void start(int threads) throws SchedulerConfigException {
		this.pool.setThreadCount(threads);
		this.pool.setInstanceName("timekeeper");
		this.pool.initialize();
	}

	/** What the supplier gives on a worker thread of the pool. */
	private <T> T onWorker(Supplier<T> supplier) throws Exception {
		CompletableFuture<T> value = new CompletableFuture<>();
		assertThat(this.pool.runInThread(() -> value.complete(supplier.get()))).isTrue();
		return value.get(10, TimeUnit.SECONDS);
	}

	private void awaitRelease() {
		try {
			this.release.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
