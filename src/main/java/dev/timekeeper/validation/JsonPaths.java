package dev.timekeeper.validation;

import tools.jackson.core.JacksonException;

/**
 * Names the field a Jackson error is about, in the dotted form clients see
 * ({@code schedule.days[2]}).
 */
public final class JsonPaths {

	private JsonPaths() {
	}

	/**
	 * The path of the field at fault.
	 * @param prefix a path to put in front (such as {@code params}), or empty
	 * @param exception the Jackson error
	 * @return the dotted path, or the prefix (or {@code body}) when the error is not
	 * about one field
	 */
	public static String of(String prefix, JacksonException exception) {
		StringBuilder path = new StringBuilder(prefix);
		for (JacksonException.Reference reference : exception.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? "body" : path.toString();
	}

}
