package dev.timekeeper.execution;

/** How a run ended. */
public enum Outcome {

	/** The type's run returned normally. */
	SUCCESS,

	/** The type's run threw. */
	FAILED,

	/** The run took longer than the job's timeout and was interrupted. */
	TIMED_OUT,

	/** The run was interrupted for another reason, such as the service shutting down. */
	INTERRUPTED

}
