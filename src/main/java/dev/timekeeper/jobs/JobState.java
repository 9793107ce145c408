package dev.timekeeper.jobs;

/** Where a job stands, as Quartz's trigger state and its fired-trigger table tell it. */
public enum JobState {

	/** Waiting for its next fire. */
	NORMAL,

	/** Paused: it does not fire on schedule, though it may be run by hand. */
	PAUSED,

	/** A run is in progress (on any node). */
	RUNNING,

	/** No fire left: a once job that ran, or a schedule that ended. */
	COMPLETE,

	/** Quartz could not fire it (its trigger is in error). */
	ERROR,

	/** Waiting for a run of the same non-concurrent job to end. */
	BLOCKED

}
