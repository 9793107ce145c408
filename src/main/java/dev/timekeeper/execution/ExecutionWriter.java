package dev.timekeeper.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes finished runs off the firing path: a worker thread only puts its run in a
 * bounded queue, and one writer thread stores what has queued up in batches, one
 * transaction each. When the queue is full the worker writes its own run, so a database
 * that cannot keep up slows the runs down instead of losing their history.
 */
@Component
class ExecutionWriter implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(ExecutionWriter.class);

	private final BlockingQueue<FinishedRun> queue;

	private final int batchSize;

	private final ExecutionInserts inserts;

	private final TransactionTemplate transactions;

	private final AtomicLong pending = new AtomicLong();

	private final Counter unrecorded;

	private volatile @Nullable Thread thread;

	private volatile boolean running;

	ExecutionWriter(ExecutionProperties properties, ExecutionInserts inserts, TransactionTemplate transactions,
			MeterRegistry registry) {
		this.queue = new ArrayBlockingQueue<>(properties.queueCapacity());
		this.batchSize = properties.batchSize();
		this.inserts = inserts;
		this.transactions = transactions;
		this.unrecorded = Counter.builder("timekeeper.executions.unrecorded")
			.description("Runs whose execution could not be stored")
			.register(registry);
		Gauge.builder("timekeeper.executions.queued", this.queue, BlockingQueue::size)
			.description("Finished runs waiting to be stored")
			.register(registry);
	}

	/**
	 * Hands a run to the writer; returns at once unless the queue is full.
	 * @param run the run
	 */
	void submit(FinishedRun run) {
		this.pending.incrementAndGet();
		if (!this.running || !this.queue.offer(run)) {
			write(List.of(run));
		}
		else if (!this.running && this.queue.remove(run)) {
			// the writer stopped between the check and the offer: nobody drains it now
			write(List.of(run));
		}
	}

	/**
	 * Waits until every run submitted so far is stored.
	 * @param timeoutMillis how long to wait at most
	 * @return whether everything was stored in time
	 */
	boolean flush(long timeoutMillis) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
		while (this.pending.get() > 0) {
			if (System.nanoTime() > deadline) {
				return false;
			}
			Thread.sleep(5);
		}
		return true;
	}

	@Override
	public void start() {
		this.running = true;
		Thread writer = Thread.ofPlatform().name("execution-writer").daemon().start(this::drain);
		this.thread = writer;
	}

	@Override
	public void stop() {
		this.running = false;
		Thread writer = this.thread;
		if (writer != null) {
			try {
				writer.join(TimeUnit.SECONDS.toMillis(30));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Stops after the scheduler and the web server, so the last runs are stored. */
	@Override
	public int getPhase() {
		return 0;
	}

	private void drain() {
		List<FinishedRun> batch = new ArrayList<>(this.batchSize);
		while (this.running || !this.queue.isEmpty()) {
			try {
				FinishedRun first = this.queue.poll(200, TimeUnit.MILLISECONDS);
				if (first != null) {
					batch.add(first);
					this.queue.drainTo(batch, this.batchSize - 1);
					write(batch);
					batch.clear();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private void write(List<FinishedRun> runs) {
		try {
			store(runs);
		}
		catch (RuntimeException ex) {
			if (runs.size() == 1) {
				this.unrecorded.increment();
				logger.error("Could not store the execution of {}/{}: {}", runs.get(0).group(), runs.get(0).name(),
						ex.getMessage());
			}
			else {
				// one bad row, or a blip: store them one by one, losing only what fails
				// again
				runs.forEach((run) -> {
					this.pending.incrementAndGet();
					write(List.of(run));
				});
			}
		}
		finally {
			this.pending.addAndGet(-runs.size());
		}
	}

	private void store(List<FinishedRun> runs) {
		this.transactions.executeWithoutResult((status) -> this.inserts.insert(runs));
	}

}
