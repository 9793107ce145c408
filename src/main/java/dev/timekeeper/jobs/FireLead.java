package dev.timekeeper.jobs;

import java.util.Date;
import java.util.List;

import org.quartz.spi.OperableTrigger;

/**
 * How much earlier than a batch's first fire time Quartz's scheduler thread is told it is
 * due, so that the batch's firing transaction has committed by the time its runs are due.
 * <p>
 * The thread starts that transaction 2 ms before the first trigger is due (a constant in
 * {@code QuartzSchedulerThread}) and hands the runs over only after its commit, so every
 * run started a commit late, and a slow commit's tail became the fire lag's: at 50 fires
 * a second, most batches hold one trigger and the lag's p99 was 9–13 ms, the disk's
 * commit tail. Acquired triggers are handed to the thread with their next fire time moved
 * this much earlier, and given their own back before they are fired, so their history,
 * next fire times and misfire handling are unchanged; each run then waits for its own
 * time on its worker ({@code JobRunner}), so none starts early.
 *
 * @param millis the lead in milliseconds, zero for Quartz's own timing
 */
record FireLead(long millis) {

	/** The longest lead: with the fire-ahead window, well within a run's longest wait. */
	static final long MAX_MILLIS = 500;

	FireLead {
		if (millis < 0 || millis > MAX_MILLIS) {
			throw new IllegalArgumentException("The fire lead must be from 0 to " + MAX_MILLIS + " ms, not " + millis);
		}
	}

	/**
	 * Moves the next fire time of triggers just acquired this lead earlier.
	 * @param acquired the triggers, as the scheduler thread will see them
	 */
	void advance(List<OperableTrigger> acquired) {
		shift(acquired, -this.millis);
	}

	/**
	 * Gives triggers that {@link #advance} moved their own next fire time back.
	 * @param triggers the triggers the scheduler thread is about to fire
	 */
	void restore(List<OperableTrigger> triggers) {
		shift(triggers, this.millis);
	}

	private static void shift(List<OperableTrigger> triggers, long millis) {
		if (millis == 0) {
			return;
		}
		for (OperableTrigger trigger : triggers) {
			Date next = trigger.getNextFireTime();
			if (next != null) {
				trigger.setNextFireTime(new Date(next.getTime() + millis));
			}
		}
	}

}
