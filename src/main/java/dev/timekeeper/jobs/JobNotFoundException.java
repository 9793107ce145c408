package dev.timekeeper.jobs;

/** There is no job with the given group and name, or no job in a group. */
public class JobNotFoundException extends RuntimeException {

	private JobNotFoundException(String message) {
		super(message);
	}

	public static JobNotFoundException forId(JobId id) {
		return new JobNotFoundException("No job '" + id.name() + "' in group '" + id.group() + "'");
	}

	public static JobNotFoundException forGroup(String group) {
		return new JobNotFoundException("No jobs in group '" + group + "'");
	}

}
