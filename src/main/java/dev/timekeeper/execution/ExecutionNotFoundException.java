package dev.timekeeper.execution;

/**
 * There is no execution with the given id (it never existed, or retention removed it).
 */
public class ExecutionNotFoundException extends RuntimeException {

	private ExecutionNotFoundException(String message) {
		super(message);
	}

	public static ExecutionNotFoundException forId(long id) {
		return new ExecutionNotFoundException("No execution " + id);
	}

}
