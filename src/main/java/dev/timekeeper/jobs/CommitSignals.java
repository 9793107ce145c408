package dev.timekeeper.jobs;

import java.util.function.LongConsumer;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Holds a signal back until the transaction that caused it commits: within one
 * transaction, any number of calls become one signal, for the earliest time given; a
 * rolled back transaction sends none. Outside a Spring transaction nothing is sent, as
 * the caller's own signal then already comes after the write is visible.
 */
final class CommitSignals {

	private final LongConsumer target;

	/**
	 * @param target what receives the signal, after the commit
	 */
	CommitSignals(LongConsumer target) {
		this.target = target;
	}

	/**
	 * Signals {@code time} once the current transaction commits.
	 * @param time the time to signal; the earliest of a transaction's calls goes out
	 */
	void afterCommit(long time) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return;
		}
		Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
		if (pending == null) {
			pending = new Pending(time);
			TransactionSynchronizationManager.bindResource(this, pending);
			TransactionSynchronizationManager.registerSynchronization(pending);
		}
		else {
			pending.earliest = Math.min(pending.earliest, time);
		}
	}

	/** The signal a transaction owes once it commits. */
	private final class Pending implements TransactionSynchronization {

		private long earliest;

		private Pending(long earliest) {
			this.earliest = earliest;
		}

		@Override
		public void afterCommit() {
			CommitSignals.this.target.accept(this.earliest);
		}

		@Override
		public void afterCompletion(int status) {
			TransactionSynchronizationManager.unbindResourceIfPossible(CommitSignals.this);
		}

	}

}
