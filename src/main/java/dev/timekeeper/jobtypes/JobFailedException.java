package dev.timekeeper.jobtypes;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A run that failed for a reason its type can state to users: its message is recorded as
 * the execution's {@code error}, and its result (a failed probe's status and latency,
 * say) as the execution's {@code result}. Any other exception a type throws is recorded
 * only as an unexpected error, its details kept for the server log, since its message may
 * name classes or internals.
 */
public class JobFailedException extends Exception {

	private final transient @Nullable Map<String, Object> result;

	public JobFailedException(String message) {
		this(message, null);
	}

	public JobFailedException(String message, @Nullable Map<String, Object> result) {
		super(message);
		this.result = result;
	}

	/**
	 * What the run found before it failed.
	 * @return the values to record, or {@code null}
	 */
	public @Nullable Map<String, Object> result() {
		return this.result;
	}

}
