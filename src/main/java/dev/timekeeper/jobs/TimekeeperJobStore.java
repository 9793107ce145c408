package dev.timekeeper.jobs;

import java.sql.Connection;
import java.util.Date;

import org.jspecify.annotations.Nullable;
import org.quartz.JobDetail;
import org.quartz.JobPersistenceException;
import org.quartz.TriggerKey;
import org.quartz.spi.OperableTrigger;

import org.springframework.scheduling.quartz.LocalDataSourceJobStore;

/**
 * Spring's job store on the application's data source, telling Quartz's scheduler thread
 * about a new, changed or resumed trigger once the transaction that wrote it commits.
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

	private final CommitSignals signals = new CommitSignals(this::signalSchedulingChangeImmediately);

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
	public void resumeTrigger(Connection conn, TriggerKey key) throws JobPersistenceException {
		super.resumeTrigger(conn, key);
		this.signals.afterCommit(UNKNOWN);
	}

}
