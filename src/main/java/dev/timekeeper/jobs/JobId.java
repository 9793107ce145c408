package dev.timekeeper.jobs;

import dev.timekeeper.validation.Names;

/**
 * A job's identity: its group and its name.
 *
 * @param group the job's group
 * @param name the job's name, unique within its group
 */
public record JobId(String group, String name) {

	/** The group of a job that names none. */
	public static final String DEFAULT_GROUP = "default";

	/**
	 * What a group or a name may look like: safe in a URL path, a file name and a label.
	 */
	public static final String NAME_REGEX = Names.REGEX;

	/** What a client is told when a group or name does not match {@link #NAME_REGEX}. */
	public static final String NAME_MESSAGE = Names.MESSAGE;

	@Override
	public String toString() {
		return this.group + "/" + this.name;
	}

}
