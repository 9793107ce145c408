package dev.timekeeper.security;

/** What a user or token may do; each role may do everything the one before it may. */
public enum Role {

	/** Read jobs, executions, job types and the scheduler; preview schedules. */
	VIEWER,

	/** And pause, resume and run jobs. */
	OPERATOR,

	/**
	 * And create, replace and delete jobs, and pause or resume groups and the scheduler.
	 */
	ADMIN;

	String authority() {
		return "ROLE_" + name();
	}

}
