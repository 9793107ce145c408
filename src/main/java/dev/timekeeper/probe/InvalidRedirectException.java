package dev.timekeeper.probe;

/**
 * A redirect to somewhere a probe does not go: not an http or https URL with a host.
 */
class InvalidRedirectException extends Exception {

	InvalidRedirectException(String location) {
		super("redirect to an unsupported location: " + abbreviate(location));
	}

	private static String abbreviate(String location) {
		return (location.length() > 200) ? location.substring(0, 200) + "..." : location;
	}

}
