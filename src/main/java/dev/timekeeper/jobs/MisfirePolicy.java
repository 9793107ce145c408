package dev.timekeeper.jobs;

/**
 * What a job does about fires it missed (the scheduler was down, paused, or out of
 * threads for longer than the misfire threshold).
 */
public enum MisfirePolicy {

	/** Run once now, then go on with the schedule. */
	FIRE_NOW,

	/** Drop the missed fires and wait for the next one. */
	SKIP,

	/** Run every missed fire now, one after another (interval schedules only). */
	FIRE_ALL

}
