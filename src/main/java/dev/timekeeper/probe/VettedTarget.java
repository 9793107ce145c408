package dev.timekeeper.probe;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A URL whose host resolved only to allowed addresses, and the one address the probe
 * connects to. The request goes to that address literally, naming the host in the
 * {@code Host} header and, for HTTPS, in TLS's server name (SNI), against which the
 * server's certificate is verified as usual.
 *
 * @param uri the URL as the job (or a redirect) gave it
 * @param address the vetted address to connect to
 */
record VettedTarget(URI uri, InetAddress address) {

	/**
	 * The URL with the host replaced by the vetted address.
	 * @return the URL to send the request to
	 */
	URI pinnedUri() {
		String host = (this.address instanceof Inet6Address) ? "[" + this.address.getHostAddress() + "]"
				: this.address.getHostAddress();
		StringBuilder uri = new StringBuilder(scheme()).append("://").append(host).append(':').append(port());
		uri.append((this.uri.getRawPath() == null || this.uri.getRawPath().isEmpty()) ? "/" : this.uri.getRawPath());
		if (this.uri.getRawQuery() != null) {
			uri.append('?').append(this.uri.getRawQuery());
		}
		return URI.create(uri.toString());
	}

	/**
	 * What the {@code Host} header says: the URL's host and port, as written.
	 * @return the authority
	 */
	String hostHeader() {
		return this.uri.getRawAuthority();
	}

	/**
	 * The name to send as TLS's server name: the URL's host, unless it is an address.
	 * @return the host name, or null
	 */
	@Nullable String serverName() {
		String host = host(this.uri);
		boolean literal = host.contains(":") || host.matches("[0-9.]+");
		return literal ? null : host.replaceFirst("\\.$", "");
	}

	boolean isHttps() {
		return scheme().equals("https");
	}

	private String scheme() {
		return this.uri.getScheme().toLowerCase(Locale.ROOT);
	}

	private int port() {
		return (this.uri.getPort() != -1) ? this.uri.getPort() : isHttps() ? 443 : 80;
	}

	/**
	 * A URL's host without the brackets of an IPv6 literal.
	 * @param uri the URL
	 * @return the host
	 */
	static String host(URI uri) {
		String host = uri.getHost();
		if (host == null) {
			throw new IllegalArgumentException("no host in " + uri);
		}
		return (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
	}

}
