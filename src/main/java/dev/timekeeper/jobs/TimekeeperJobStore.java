package dev.timekeeper.jobs;

import java.sql.Connection;
import java.util.Date;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.quartz.JobDetail;
import org.quartz.JobPersistenceException;
import org.quartz.SchedulerException;
import org.quartz.Trigger.CompletedExecutionInstruction;
import org.quartz.TriggerKey;
import org.quartz.spi.OperableTrigger;

import org.springframework.scheduling.quartz.LocalDataSourceJobStore;

/**
 * Spring's job store on the application's data source, with two changes: it tells
 * Quartz's scheduler thread about a new, changed or resumed trigger once the transaction
 * that wrote it commits, and it stores runs that finish together in one transaction.
 * <p>
 * Quartz tells the thread as soon as the trigger is written, which inside a Spring
 * transaction is before the commit: the thread looks, cannot see the trigger yet, and
 * would sleep for its idle wait (up to 30 s), so a new job's first fire or a run by hand
 * would start late. The signal after the commit carries the trigger's next fire time, so
 * a thread already holding an earlier batch of triggers keeps it rather than releasing it
 * and acquiring it again.
 */
public class TimekeeperJobStore extends LocalDataSourceJobStore {

	/** "Look again now": when a resumed trigger fires next is not known here. */
	private static final long UNKNOWN = 0L;

	/** The most completed runs stored in one transaction. */
	private static final int COMPLETIONS_PER_TRANSACTION = 100;

	private final CommitSignals signals = new CommitSignals(this::signalSchedulingChangeImmediately);

	private final CompletionBatcher<Completion> completions = new CompletionBatcher<>("timekeeper_JobCompletions",
			COMPLETIONS_PER_TRANSACTION, this::completeAll, this::completeOne);

	@Override
	protected void storeTrigger(Connection conn, OperableTrigger newTrigger, @Nullable JobDetail job,
			boolean replaceExisting, String state, boolean forceState, boolean recovering)
			throws JobPersistenceException {
		super.storeTrigger(conn, newTrigger, job, replaceExisting, state, forceState, recovering);
		Date next = newTrigger.getNextFireTime();
		if (next != null) {
			this.signals.afterCommit(next.getTime());
		}
	}

	@Override
	public void schedulerStarted() throws SchedulerException {
		super.schedulerStarted();
		this.completions.open();
	}

	@Override
	public void shutdown() {
		try {
			this.completions.close();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		super.shutdown();
	}

	/**
	 * Quartz stores each finished run (deletes its fired-trigger row, updates or removes
	 * its trigger, unblocks a serial job's triggers) in a transaction of its own under
	 * the trigger lock, which every worker and the scheduler thread queue for. Here the
	 * runs that finish together are stored together: one transaction, one turn at the
	 * lock. Until then a run still counts as running, a few milliseconds longer; a crash
	 * in between leaves its fired-trigger row, as a crash during the run would, so the
	 * run is recovered.
	 */
	@Override
	public void triggeredJobComplete(OperableTrigger trigger, JobDetail jobDetail,
			CompletedExecutionInstruction instruction) {
		this.completions.submit(new Completion(trigger, jobDetail, instruction));
	}

	private void completeOne(Completion completion) {
		super.triggeredJobComplete(completion.trigger(), completion.jobDetail(), completion.instruction());
	}

	private void completeAll(List<Completion> batch) {
		try {
			executeInNonManagedTXLock(LOCK_TRIGGER_ACCESS, (conn) -> {
				for (Completion completion : batch) {
					triggeredJobComplete(conn, completion.trigger(), completion.jobDetail(), completion.instruction());
				}
				return null;
			}, null);
		}
		catch (JobPersistenceException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void resumeTrigger(Connection conn, TriggerKey key) throws JobPersistenceException {
		super.resumeTrigger(conn, key);
		this.signals.afterCommit(UNKNOWN);
	}

	/**
	 * A finished run, as Quartz reports it.
	 *
	 * @param trigger the trigger that fired it
	 * @param jobDetail its job
	 * @param instruction what to do with the trigger now
	 */
	private record Completion(OperableTrigger trigger, JobDetail jobDetail, CompletedExecutionInstruction instruction) {

	}

}
