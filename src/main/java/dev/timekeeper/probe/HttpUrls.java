package dev.timekeeper.probe;

import java.net.URI;
import java.util.Locale;

/**
 * What the probe needs to know about URLs: which it may request ({@link HttpUrl}), how a
 * URL is labelled in metrics, and where a redirect leads.
 */
final class HttpUrls {

	private HttpUrls() {
	}

	/**
	 * Whether a URL is one a probe can request.
	 * @param uri the URL
	 * @return true when it is
	 */
	static boolean isValid(URI uri) {
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
				&& uri.getRawUserInfo() == null && uri.getPort() <= 65535 && uri.toString().length() <= 2000;
	}

	/**
	 * A URL as a bounded, secret-free label: scheme, host, port and path, without query.
	 * @param uri the URL
	 * @return the label
	 */
	static String target(URI uri) {
		String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) ? "/" : uri.getRawPath();
		return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority() + path;
	}

	/**
	 * Where a redirect leads, checked like a job's URL.
	 * @param from the URL that answered with the redirect
	 * @param location its {@code Location} header
	 * @return the absolute URL
	 * @throws InvalidRedirectException if it is not a URL a probe may follow
	 */
	static URI redirect(URI from, String location) throws InvalidRedirectException {
		URI next;
		try {
			next = from.resolve(location);

		}
		catch (

		IllegalArgumentException ex) {
			throw new InvalidRedirectException(location);
		}
		if (!isValid(next)) {
			throw new InvalidRedirectException(location);
		}
		return next;
	}

}
