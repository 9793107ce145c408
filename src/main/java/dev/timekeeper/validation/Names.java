package dev.timekeeper.validation;

/** What job groups and names may look like, wherever the API accepts one. */
public final class Names {

	/**
	 * A group or a name: safe in a URL path, a file name and a label.
	 */
	public static final String REGEX = "[A-Za-z0-9][A-Za-z0-9._-]{0,99}";

	/** What a client is told when a group or name does not match {@link #REGEX}. */
	public static final String MESSAGE = "must be 1 to 100 characters: a letter or digit, then letters, digits, '.', '_' or '-'";

	private Names() {
	}

}
