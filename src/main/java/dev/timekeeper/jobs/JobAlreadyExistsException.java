package dev.timekeeper.jobs;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A job was to be created with a group and name that another job already has, or a batch
 * named one job twice.
 */
public class JobAlreadyExistsException extends RuntimeException {

	/** How many jobs a message names at most; {@link #getIds()} has them all. */
	private static final int NAMED = 10;

	private final List<JobId> ids;

	private JobAlreadyExistsException(String message, List<JobId> ids) {
		super(message);
		this.ids = List.copyOf(ids);
	}

	public static JobAlreadyExistsException forId(JobId id) {
		return new JobAlreadyExistsException("Job '" + id.name() + "' already exists in group '" + id.group()
				+ "'; PUT /api/v1/jobs/" + id.group() + "/" + id.name() + " replaces it", List.of(id));
	}

	/**
	 * Jobs of a batch exist already.
	 * @param ids the jobs that exist
	 * @return the exception
	 */
	public static JobAlreadyExistsException forIds(List<JobId> ids) {
		return new JobAlreadyExistsException(
				ids.size() + " job(s) of the batch already exist: " + names(ids) + "; nothing was created", ids);
	}

	/**
	 * A batch names jobs more than once.
	 * @param ids the jobs named more than once
	 * @return the exception
	 */
	public static JobAlreadyExistsException duplicatedInBatch(List<JobId> ids) {
		return new JobAlreadyExistsException(
				"The batch names " + ids.size() + " job(s) more than once: " + names(ids) + "; nothing was created",
				ids);
	}

	/**
	 * A job of a batch was created by another request between the batch's check and its
	 * insert.
	 * @return the exception
	 */
	public static JobAlreadyExistsException createdMeanwhile() {
		return new JobAlreadyExistsException(
				"A job of the batch was created by another request meanwhile; nothing was created", List.of());
	}

	/**
	 * The jobs at fault, where they are known.
	 * @return the jobs, possibly none
	 */
	public List<JobId> getIds() {
		return this.ids;
	}

	private static String names(List<JobId> ids) {
		String named = ids.stream().limit(NAMED).map(JobId::toString).collect(Collectors.joining(", "));
		return (ids.size() > NAMED) ? named + " and " + (ids.size() - NAMED) + " more" : named;
	}

}
