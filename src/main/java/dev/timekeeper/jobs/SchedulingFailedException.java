package dev.timekeeper.jobs;

/** Quartz could not do what was asked; the cause stays in the log, never in an answer. */
public class SchedulingFailedException extends RuntimeException {

	SchedulingFailedException(Throwable cause) {
		super("The scheduler could not complete the operation", cause);
	}

}
