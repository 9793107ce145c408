package dev.timekeeper.jobs;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.JobPersistenceException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.Trigger.CompletedExecutionInstruction;
import org.quartz.TriggerKey;
import org.quartz.impl.jdbcjobstore.FiredTriggerRecord;
import org.quartz.impl.jdbcjobstore.NoSuchDelegateException;
import org.quartz.impl.jdbcjobstore.StdJDBCConstants;
import org.quartz.impl.triggers.CronTriggerImpl;
import org.quartz.impl.triggers.SimpleTriggerImpl;
import org.quartz.spi.OperableTrigger;
import org.quartz.spi.TriggerFiredBundle;
import org.quartz.spi.TriggerFiredResult;

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

	private long signalHorizon = Long.MAX_VALUE / 2;

	private FireLead fireLead = new FireLead(0);

	private final CompletionBatcher<Completion> completions = new CompletionBatcher<>("timekeeper_JobCompletions",
			COMPLETIONS_PER_TRANSACTION, this::completeAll, this::completeOne);

	/** The fire instance ids of runs whose finished trigger was deleted as it fired. */
	private final Set<String> deletedAtFire = ConcurrentHashMap.newKeySet();

	@Override
	protected void storeTrigger(Connection conn, OperableTrigger newTrigger, @Nullable JobDetail job,
			boolean replaceExisting, String state, boolean forceState, boolean recovering)
			throws JobPersistenceException {
		super.storeTrigger(conn, newTrigger, job, replaceExisting, state, forceState, recovering);
		Date next = newTrigger.getNextFireTime();
		if (next != null && next.getTime() <= System.currentTimeMillis() + this.signalHorizon) {
			this.signals.afterCommit(next.getTime());
		}
	}

	/**
	 * Stores new jobs and their triggers as Quartz does, with its per-row checks made
	 * once for all of them: Quartz asks for each job and trigger whether it exists,
	 * whether its group or all groups are paused, and whether its job is running (four
	 * queries before each pair of inserts). Here the paused groups and the running serial
	 * jobs are read once, and whether a job exists is left to the primary keys: a new
	 * job's definition was inserted first in the same transaction, so a second create of
	 * it fails there before it gets here. Replacing goes Quartz's way.
	 */
	@Override
	public void storeJobsAndTriggers(Map<JobDetail, Set<? extends Trigger>> jobs, boolean replace)
			throws JobPersistenceException {
		if (replace) {
			super.storeJobsAndTriggers(jobs, replace);
			return;
		}
		executeInLock(isLockOnInsert() ? LOCK_TRIGGER_ACCESS : null, (conn) -> {
			storeNew(conn, jobs);
			return null;
		});
	}

	private void storeNew(Connection conn, Map<JobDetail, Set<? extends Trigger>> jobs) throws JobPersistenceException {
		try {
			Set<String> paused = new HashSet<>(getDelegate().selectPausedTriggerGroups(conn));
			Set<JobKey> running = new HashSet<>();
			for (String group : jobs.keySet().stream().map((job) -> job.getKey().getGroup()).distinct().toList()) {
				for (FiredTriggerRecord fired : getDelegate().selectFiredTriggerRecordsByJob(conn, null, group)) {
					if (fired.isJobDisallowsConcurrentExecution()) {
						running.add(fired.getJobKey());
					}
				}
			}
			long earliest = Long.MAX_VALUE;
			for (Map.Entry<JobDetail, Set<? extends Trigger>> entry : jobs.entrySet()) {
				JobDetail job = entry.getKey();
				getDelegate().insertJobDetail(conn, job);
				for (Trigger trigger : entry.getValue()) {
					String group = trigger.getKey().getGroup();
					String state = STATE_WAITING;
					if (!paused.contains(group) && paused.contains(ALL_GROUPS_PAUSED)) {
						getDelegate().insertPausedTriggerGroup(conn, group);
						paused.add(group);
					}
					if (paused.contains(group)) {
						state = STATE_PAUSED;
					}
					if (job.isConcurrentExecutionDisallowed() && running.contains(job.getKey())) {
						state = STATE_PAUSED.equals(state) ? STATE_PAUSED_BLOCKED : STATE_BLOCKED;
					}
					getDelegate().insertTrigger(conn, (OperableTrigger) trigger, state, job);
					Date next = trigger.getNextFireTime();
					earliest = (next != null) ? Math.min(earliest, next.getTime()) : earliest;
				}
			}
			if (earliest <= System.currentTimeMillis() + this.signalHorizon) {
				this.signals.afterCommit(earliest);
			}
		}
		catch (SQLException | IOException ex) {
			throw new JobPersistenceException("Couldn't store new jobs: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Sets how far ahead a new or changed trigger's fire time must be for the scheduler
	 * thread to be told of it: Quartz's idle wait. A trigger due later is found in time
	 * without it (the thread sleeps at most that long, and then acquires what is due
	 * within that long), and each signal makes an idle thread take the trigger lock and
	 * look, which made creating many jobs due tomorrow a third slower.
	 * @param signalHorizon the horizon in milliseconds; the default signals every change
	 */
	public void setSignalHorizon(long signalHorizon) {
		this.signalHorizon = signalHorizon;
	}

	/**
	 * Sets how much earlier than the first trigger of a batch is due Quartz's scheduler
	 * thread fires it (see {@link FireLead}); each run still starts at its own time.
	 * @param fireLead the lead in milliseconds; the default, zero, is Quartz's timing
	 */
	public void setFireLead(long fireLead) {
		this.fireLead = new FireLead(fireLead);
	}

	@Override
	public List<OperableTrigger> acquireNextTriggers(long noLaterThan, int maxCount, long timeWindow)
			throws JobPersistenceException {
		List<OperableTrigger> acquired = super.acquireNextTriggers(noLaterThan, maxCount, timeWindow);
		this.fireLead.advance(acquired);
		return acquired;
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
	 * runs that finish together are stored together, and the common ones without the lock
	 * (see {@link #completeAll}). Until then a run still counts as running, a few
	 * milliseconds longer; a crash in between leaves its fired-trigger row, as a crash
	 * during the run would, so the run is recovered.
	 */
	@Override
	public void triggeredJobComplete(OperableTrigger trigger, JobDetail jobDetail,
			CompletedExecutionInstruction instruction) {
		String id = trigger.getFireInstanceId();
		boolean deleted = id != null && this.deletedAtFire.remove(id);
		this.completions.submit(new Completion(trigger, jobDetail, instruction, deleted));
	}

	private void completeOne(Completion completion) {
		super.triggeredJobComplete(completion.trigger(), completion.jobDetail(), completion.instruction());
	}

	/**
	 * Stores finished runs. The common ones (a trigger that fires again, or one deleted
	 * as it fired, see {@link #fired}) take a few statements for all of them, and no
	 * trigger lock: they delete their own fired-trigger rows, which no other transaction
	 * writes, and let a serial job's blocked triggers wait again, a change each row's
	 * lock keeps apart from a pause or a resume. The others are stored one by one by
	 * Quartz's own code, under the lock.
	 * <p>
	 * Under the lock, each batch of runs waited for the scheduler thread's transactions,
	 * and held the thread up in turn while it committed: a burst of one-shot jobs on
	 * PostgreSQL fired 700 a second with it and 900 without it (see BENCHMARKS.md).
	 */
	private void completeAll(List<Completion> batch) {
		try {
			TimekeeperDelegates.Batching delegate = batchingDelegate();
			Map<Boolean, List<Completion>> byKind = batch.stream()
				.collect(Collectors.partitioningBy((c) -> delegate != null && c.together()));
			List<Completion> together = byKind.get(true);
			List<Completion> alone = byKind.get(false);
			if (delegate != null && !together.isEmpty()) {
				executeInNonManagedTXLock(null, (conn) -> {
					complete(conn, delegate.completion(), together);
					return null;
				}, null);
			}
			if (!alone.isEmpty()) {
				executeInNonManagedTXLock(LOCK_TRIGGER_ACCESS, (conn) -> {
					for (Completion completion : alone) {
						triggeredJobComplete(conn, completion.trigger(), completion.jobDetail(),
								completion.instruction());
					}
					return null;
				}, null);
			}
		}
		catch (JobPersistenceException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void complete(Connection conn, CompletionStatements statements, List<Completion> together)
			throws JobPersistenceException {
		try {
			Set<JobKey> serial = new LinkedHashSet<>();
			together.stream()
				.filter((c) -> c.jobDetail().isConcurrentExecutionDisallowed())
				.forEach((c) -> serial.add(c.jobDetail().getKey()));
			statements.unblockTriggersOfJobs(conn, serial);
			if (!serial.isEmpty()) {
				// as Quartz: an unblocked trigger may be due now
				signalSchedulingChangeOnTxCompletion(0L);
			}
			statements.deleteFiredTriggers(conn,
					together.stream().map((c) -> c.trigger().getFireInstanceId()).toList());
		}
		catch (SQLException ex) {
			throw new JobPersistenceException("Couldn't store finished runs: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Acquires due triggers as Quartz does (the same triggers, in the same order, with
	 * the same rules for serial jobs and the batch's end), with the reads and writes of
	 * the whole batch in a few statements instead of five per trigger.
	 * <p>
	 * Quartz reads the due triggers one by one and stops at the first beyond the batch's
	 * end; read all at once, the up to {@code maxCount} triggers due within the idle wait
	 * were read for each batch however few of them it took. Those due after the first
	 * trigger's batch could end are left unread, unless none of the first could be taken
	 * (a trigger whose job is gone, say), when the rest are read as well.
	 */
	@Override
	protected List<OperableTrigger> acquireNextTrigger(Connection conn, long noLaterThan, int maxCount, long timeWindow)
			throws JobPersistenceException {
		TimekeeperDelegates.Batching delegate = batchingDelegate();
		if (delegate == null || timeWindow < 0) {
			return super.acquireNextTrigger(conn, noLaterThan, maxCount, timeWindow);
		}
		FiringStatements batch = delegate.firing();
		try {
			// as Quartz: when every trigger found was taken meanwhile, look twice more
			for (int attempt = 1;; attempt++) {
				List<DueTriggers.Due> due = delegate.selectDueTriggers(conn, noLaterThan + timeWindow, getMisfireTime(),
						maxCount);
				if (due.isEmpty()) {
					return new ArrayList<>();
				}
				List<TriggerKey> first = DueTriggers.firstBatch(due, System.currentTimeMillis(), timeWindow);
				List<OperableTrigger> acquired = acquire(conn, batch, first, noLaterThan, timeWindow);
				if (acquired.isEmpty() && first.size() < due.size()) {
					acquired = acquire(conn, batch, due.stream().map(DueTriggers.Due::key).toList(), noLaterThan,
							timeWindow);
				}
				if (!acquired.isEmpty() || attempt >= 3) {
					return acquired;
				}
			}
		}
		catch (SQLException ex) {
			throw new JobPersistenceException("Couldn't acquire next trigger: " + ex.getMessage(), ex);
		}
	}

	private List<OperableTrigger> acquire(Connection conn, FiringStatements batch, List<TriggerKey> keys,
			long noLaterThan, long timeWindow) throws JobPersistenceException, SQLException {
		Map<TriggerKey, OperableTrigger> read = batch.selectTriggers(conn, keys);
		List<OperableTrigger> found = new ArrayList<>(keys.size());
		for (TriggerKey key : keys) {
			// one the batch could not build is read by Quartz's own code
			OperableTrigger trigger = read.containsKey(key) ? read.get(key) : retrieveTrigger(conn, key);
			if (trigger != null) {
				found.add(trigger);
			}
		}
		Map<JobKey, Boolean> serial = batch.selectNonConcurrent(conn,
				found.stream().map(OperableTrigger::getJobKey).toList());
		Set<JobKey> serialTaken = new HashSet<>();
		List<OperableTrigger> chosen = new ArrayList<>(found.size());
		long batchEnd = noLaterThan;
		for (OperableTrigger trigger : found) {
			Boolean isSerial = serial.get(trigger.getJobKey());
			Date next = trigger.getNextFireTime();
			// a serial job fires once per batch; a trigger whose job is gone is left
			if (isSerial == null || (isSerial && !serialTaken.add(trigger.getJobKey())) || next == null) {
				continue;
			}
			if (next.getTime() > batchEnd) {
				break;
			}
			if (chosen.isEmpty()) {
				batchEnd = Math.max(next.getTime(), System.currentTimeMillis()) + timeWindow;
			}
			chosen.add(trigger);
		}
		List<OperableTrigger> acquired = new ArrayList<>(chosen.size());
		if (chosen.isEmpty()) {
			return acquired;
		}
		boolean[] updated = batch.updateTriggerStatesFromOtherState(conn,
				chosen.stream().map(OperableTrigger::getKey).toList(), STATE_ACQUIRED, STATE_WAITING);
		for (int i = 0; i < chosen.size(); i++) {
			if (updated[i]) {
				chosen.get(i).setFireInstanceId(getFiredTriggerRecordId());
				acquired.add(chosen.get(i));
			}
		}
		batch.insertFiredTriggers(conn, acquired, STATE_ACQUIRED);
		return acquired;
	}

	/**
	 * Fires acquired triggers as Quartz does, with the reads and writes of the whole
	 * batch in a few statements (Quartz's own path takes about ten per trigger). A
	 * trigger with a calendar, or whose job the batch could not read, is fired by
	 * Quartz's own code.
	 */
	@Override
	public List<TriggerFiredResult> triggersFired(List<OperableTrigger> triggers) throws JobPersistenceException {
		this.fireLead.restore(triggers);
		TimekeeperDelegates.Batching delegate = batchingDelegate();
		if (delegate == null || triggers.stream().anyMatch((trigger) -> trigger.getCalendarName() != null)
				|| triggers.stream().map(OperableTrigger::getJobKey).distinct().count() < triggers.size()) {
			return super.triggersFired(triggers);
		}
		List<OperableTrigger> deleted = new ArrayList<>();
		List<TriggerFiredResult> results = executeInNonManagedTXLock(LOCK_TRIGGER_ACCESS, (conn) -> {
			deleted.clear();
			return fire(conn, delegate, triggers, deleted);
		}, this::executing);
		deleted.forEach((trigger) -> this.deletedAtFire.add(trigger.getFireInstanceId()));
		return results;
	}

	private List<TriggerFiredResult> fire(Connection conn, TimekeeperDelegates.Batching delegate,
			List<OperableTrigger> triggers, List<OperableTrigger> deleted) throws JobPersistenceException {
		FiringStatements batch = delegate.firing();
		try {
			Map<TriggerKey, String> states = batch.selectTriggerStates(conn,
					triggers.stream().map(OperableTrigger::getKey).toList());
			List<OperableTrigger> acquired = triggers.stream()
				.filter((trigger) -> STATE_ACQUIRED.equals(states.get(trigger.getKey())))
				.toList();
			Map<JobKey, JobDetail> jobs = batch.selectJobDetails(conn,
					acquired.stream().map(OperableTrigger::getJobKey).toList(), getClassLoadHelper());
			List<OperableTrigger> ready = acquired.stream().filter((t) -> jobs.containsKey(t.getJobKey())).toList();
			batch.updateFiredTriggers(conn, ready, STATE_EXECUTING, jobs);
			List<OperableTrigger> serial = ready.stream()
				.filter((trigger) -> jobs.get(trigger.getJobKey()).isConcurrentExecutionDisallowed())
				.toList();
			batch.blockTriggersOfJobs(conn, serial);
			Set<String> pausedGroups = serial.isEmpty() ? Set.of() : getDelegate().selectPausedTriggerGroups(conn);
			Map<OperableTrigger, String> stored = new LinkedHashMap<>();
			List<TriggerFiredResult> results = new ArrayList<>(triggers.size());
			for (OperableTrigger trigger : triggers) {
				if (!acquired.contains(trigger)) {
					results.add(new TriggerFiredResult((TriggerFiredBundle) null));
				}
				else if (!ready.contains(trigger)) {
					results.add(fireOne(conn, trigger));
				}
				else {
					results.add(new TriggerFiredResult(
							fired(conn, trigger, jobs.get(trigger.getJobKey()), pausedGroups, stored, deleted)));
				}
			}
			batch.updateTriggers(conn, stored);
			deleteTriggers(conn, delegate.completion(), deleted);
			return results;
		}
		catch (SQLException | IOException ex) {
			throw new JobPersistenceException("Couldn't fire triggers: " + ex.getMessage(), ex);
		}
	}

	/**
	 * The rest of Quartz's {@code triggerFired} for one trigger: its next fire time, and
	 * its row stored with the state Quartz's {@code storeTrigger} would give it. (Its
	 * paused-group check changes only a waiting or acquired state, its blocked check only
	 * a waiting or paused one; a fired trigger's state is blocked, or forced.)
	 * <p>
	 * A trigger that will not fire again is deleted now rather than stored as complete
	 * and deleted when its run ends, as Quartz does: nothing reads a complete trigger but
	 * to delete it (a job's state reads as complete without it, a run in progress is
	 * known by its fired-trigger row, and recovery works from that row), and deleting it
	 * at the end took a transaction of its own under the trigger lock, which held up the
	 * scheduler thread's firing.
	 */
	private TriggerFiredBundle fired(Connection conn, OperableTrigger trigger, JobDetail job, Set<String> pausedGroups,
			Map<OperableTrigger, String> stored, List<OperableTrigger> deleted)
			throws SQLException, IOException, JobPersistenceException {
		Date previous = trigger.getPreviousFireTime();
		trigger.triggered(null);
		String state = STATE_WAITING;
		boolean force = true;
		if (job.isConcurrentExecutionDisallowed()) {
			state = STATE_BLOCKED;
			force = false;
		}
		if (trigger.getNextFireTime() == null) {
			state = STATE_COMPLETE;
			force = true;
		}
		String group = trigger.getKey().getGroup();
		if (!force && !pausedGroups.contains(group) && pausedGroups.contains(ALL_GROUPS_PAUSED)) {
			getDelegate().insertPausedTriggerGroup(conn, group);
		}
		if (trigger.getNextFireTime() == null && deletesAtFire(trigger, job)) {
			deleted.add(trigger);
		}
		else if (FiringStatements.isPlain(trigger)) {
			// stored with the others of the batch
			stored.put(trigger, state);
		}
		else {
			getDelegate().updateTrigger(conn, trigger, state, job);
		}
		job.getJobDataMap().clearDirtyFlag();
		return new TriggerFiredBundle(job, trigger, null, group.equals(Scheduler.DEFAULT_RECOVERY_GROUP), new Date(),
				trigger.getPreviousFireTime(), previous, trigger.getNextFireTime());
	}

	/**
	 * Whether a finished trigger is deleted as it fires: one of Quartz's own kinds,
	 * without data of its own, of a durable job whose data is not stored after its runs.
	 * Quartz's completion of any other may change the job or need the trigger's row, and
	 * a run that is recovered after a crash takes its data from that row (a retry's
	 * attempt, a run by hand's mark).
	 */
	private static boolean deletesAtFire(OperableTrigger trigger, JobDetail job) {
		return job.isDurable() && !job.isPersistJobDataAfterExecution() && FiringStatements.isPlainKind(trigger)
				&& trigger.getJobDataMap().isEmpty();
	}

	private static void deleteTriggers(Connection conn, CompletionStatements statements, List<OperableTrigger> triggers)
			throws SQLException {
		if (triggers.isEmpty()) {
			return;
		}
		statements.deleteTriggers(conn, keys(triggers, SimpleTriggerImpl.class),
				StdJDBCConstants.DELETE_SIMPLE_TRIGGER);
		statements.deleteTriggers(conn, keys(triggers, CronTriggerImpl.class), StdJDBCConstants.DELETE_CRON_TRIGGER);
	}

	private static List<TriggerKey> keys(List<OperableTrigger> triggers, Class<? extends OperableTrigger> kind) {
		return triggers.stream().filter(kind::isInstance).map(OperableTrigger::getKey).toList();
	}

	private TriggerFiredResult fireOne(Connection conn, OperableTrigger trigger) {
		try {
			return new TriggerFiredResult(triggerFired(conn, trigger));
		}
		catch (JobPersistenceException | RuntimeException ex) {
			return new TriggerFiredResult(ex);
		}
	}

	/**
	 * Quartz's check, after a failed commit, of whether the firing was stored anyway: one
	 * of the triggers is executing under this instance.
	 */
	private Boolean executing(Connection conn, List<TriggerFiredResult> results) throws JobPersistenceException {
		try {
			Set<String> executing = new HashSet<>();
			for (FiredTriggerRecord record : getDelegate().selectInstancesFiredTriggerRecords(conn, getInstanceId())) {
				if (STATE_EXECUTING.equals(record.getFireInstanceState())) {
					executing.add(record.getFireInstanceId());
				}
			}
			return results.stream()
				.map(TriggerFiredResult::getTriggerFiredBundle)
				.anyMatch((bundle) -> bundle != null && executing.contains(bundle.getTrigger().getFireInstanceId()));
		}
		catch (SQLException ex) {
			throw new JobPersistenceException("error validating trigger acquisition", ex);
		}
	}

	private TimekeeperDelegates.@Nullable Batching batchingDelegate() throws NoSuchDelegateException {
		return (getDelegate() instanceof TimekeeperDelegates.Batching delegate) ? delegate : null;
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
	 * @param deletedAtFire whether its trigger, finished, was deleted as it fired
	 */
	private record Completion(OperableTrigger trigger, JobDetail jobDetail, CompletedExecutionInstruction instruction,
			boolean deletedAtFire) {

		/** Whether the batch statements can store it. */
		boolean together() {
			if (this.jobDetail.isPersistJobDataAfterExecution()) {
				return false;
			}
			return this.instruction == CompletedExecutionInstruction.NOOP
					|| (this.instruction == CompletedExecutionInstruction.DELETE_TRIGGER && this.deletedAtFire);
		}

	}

}
