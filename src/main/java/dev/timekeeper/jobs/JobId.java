package dev.timekeeper.jobs;

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
	public static final String NAME_REGEX = "[A-Za-z0-9][A-Za-z0-9._-]{0,99}";

	/** What a client is told when a group or name does not match {@link #NAME_REGEX}. */
	public static final String NAME_MESSAGE = "must be 1 to 100 characters: a letter or digit, then letters, digits, '.', '_' or '-'";

	@Override
	public String toString() {
		return this.group + "/" + this.name;
	}

}
