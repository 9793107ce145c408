package dev.timekeeper.probe;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Turns a host name into its addresses. The {@code http} type checks every address before
 * it connects to one of them; tests give names addresses of their choosing.
 */
@FunctionalInterface
public interface HostResolver {

	/** The system's resolver, as {@link InetAddress#getAllByName} uses it. */
	HostResolver SYSTEM = InetAddress::getAllByName;

	/**
	 * Resolves a host name or literal address.
	 * @param host the host, without brackets
	 * @return its addresses, at least one
	 * @throws UnknownHostException if it has none
	 */
	InetAddress[] resolve(String host) throws UnknownHostException;

}
