package dev.timekeeper.jobs;

/** A job was to be created with a group and name that another job already has. */
public class JobAlreadyExistsException extends RuntimeException {

	private JobAlreadyExistsException(String message) {
		super(message);
	}

	public static JobAlreadyExistsException forId(JobId id) {
		return new JobAlreadyExistsException("Job '" + id.name() + "' already exists in group '" + id.group()
				+ "'; PUT /api/v1/jobs/" + id.group() + "/" + id.name() + " replaces it");
	}

}
