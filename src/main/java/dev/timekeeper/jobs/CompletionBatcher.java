package dev.timekeeper.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands items from many threads to one thread that handles what has queued up in batches.
 * While it is not running, or once closed, a submitter handles its item itself, so
 * nothing is ever left in the queue.
 *
 * @param <T> the items
 */
final class CompletionBatcher<T> {

	private static final Logger logger = LoggerFactory.getLogger(CompletionBatcher.class);

	private final String name;

	private final int maxBatch;

	private final Consumer<List<T>> batchHandler;

	private final Consumer<T> singleHandler;

	private final LinkedBlockingQueue<T> queue = new LinkedBlockingQueue<>();

	/** Read: submitting; write: opening or closing. No item is queued after a close. */
	private final ReadWriteLock gate = new ReentrantReadWriteLock();

	private boolean open;

	private @Nullable Thread thread;

	/**
	 * @param name the thread's name
	 * @param maxBatch the most items handled at once
	 * @param batchHandler handles a batch on the batching thread
	 * @param singleHandler handles one item on its submitter's thread, when not batching
	 */
	CompletionBatcher(String name, int maxBatch, Consumer<List<T>> batchHandler, Consumer<T> singleHandler) {
		this.name = name;
		this.maxBatch = maxBatch;
		this.batchHandler = batchHandler;
		this.singleHandler = singleHandler;
	}

	void submit(T item) {
		this.gate.readLock().lock();
		try {
			if (this.open) {
				this.queue.add(item);
				return;
			}
		}
		finally {
			this.gate.readLock().unlock();
		}
		this.singleHandler.accept(item);
	}

	void open() {
		this.gate.writeLock().lock();
		try {
			if (this.open) {
				return;
			}
			this.open = true;
			Thread started = new Thread(this::run, this.name);
			started.setDaemon(true);
			this.thread = started;
			started.start();
		}
		finally {
			this.gate.writeLock().unlock();
		}
	}

	/** Stops taking items, and waits until those queued are handled. */
	void close() throws InterruptedException {
		Thread running;
		this.gate.writeLock().lock();
		try {
			this.open = false;
			running = this.thread;
			this.thread = null;
		}
		finally {
			this.gate.writeLock().unlock();
		}
		if (running != null) {
			running.join();
		}
	}

	private void run() {
		List<T> batch = new ArrayList<>(this.maxBatch);
		while (isOpen() || !this.queue.isEmpty()) {
			try {
				T first = this.queue.poll(100, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				this.queue.drainTo(batch, this.maxBatch - 1);
				handle(batch);
			}
			catch (InterruptedException ex) {
				// closing waits for the queue to empty; an interrupt does not drop items
			}
			finally {
				batch.clear();
			}
		}
	}

	/**
	 * A batch that fails is handled again item by item, so one bad item stops no other.
	 */
	private void handle(List<T> batch) {
		try {
			this.batchHandler.accept(batch);
		}
		catch (RuntimeException ex) {
			logger.warn("A batch of {} failed ({}); handling its items one by one", batch.size(), ex.toString());
			batch.forEach(this.singleHandler);
		}
	}

	private boolean isOpen() {
		this.gate.readLock().lock();
		try {
			return this.open;
		}
		finally {
			this.gate.readLock().unlock();
		}
	}

}
