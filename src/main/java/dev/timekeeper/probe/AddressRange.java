package dev.timekeeper.probe;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * A block of IP addresses in CIDR notation ({@code 10.0.0.0/8}, {@code fd00::/8}), or one
 * address ({@code 127.0.0.1}, {@code ::1}). Only literal addresses are accepted, never
 * host names: parsing never looks anything up.
 *
 * @param network the first address of the block
 * @param prefixLength how many leading bits every address of the block shares
 */
public record AddressRange(InetAddress network, int prefixLength) {

	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

	public AddressRange {
		int bits = network.getAddress().length * 8;
		if (prefixLength < 0 || prefixLength > bits) {
			throw new IllegalArgumentException("prefix length must be between 0 and " + bits);
		}
		network = mask(network, prefixLength);
	}

	/**
	 * Parses a CIDR block or a single address; Spring uses it to bind configuration.
	 * @param text such as {@code 192.168.0.0/16} or {@code ::1}
	 * @return the range
	 * @throws IllegalArgumentException if the text is not a literal address or block
	 */
	public static AddressRange of(String text) {
		String trimmed = text.trim();
		int slash = trimmed.indexOf('/');
		String address = (slash >= 0) ? trimmed.substring(0, slash) : trimmed;
		InetAddress network = literal(address);
		int bits = address.contains(":") ? 128 : 32;
		int prefix = (slash >= 0) ? prefixLength(trimmed.substring(slash + 1), text) : bits;
		if (bits == 128 && network instanceof Inet4Address) {
			// ::ffff:a.b.c.d is an IPv4 address to Java; its prefix counts from bit 96.
			if (prefix < 96) {
				throw new IllegalArgumentException("'" + text + "' mixes IPv4-mapped and IPv6 addresses");
			}
			prefix -= 96;
		}
		return new AddressRange(network, prefix);
	}

	/**
	 * Whether an address lies in this block.
	 * @param address the address
	 * @return true when it does
	 */
	public boolean contains(InetAddress address) {
		byte[] candidate = address.getAddress();
		byte[] network = this.network.getAddress();
		return candidate.length == network.length && mask(address, this.prefixLength).equals(this.network);
	}

	@Override
	public String toString() {
		return this.network.getHostAddress() + "/" + this.prefixLength;
	}

	/**
	 * An IP address written literally, turned into an {@link InetAddress} without any
	 * name lookup.
	 */
	static InetAddress literal(String text) {
		boolean v4 = IPV4.matcher(text).matches();
		if (!v4 && !IPV6.matcher(text).matches()) {
			throw new IllegalArgumentException("'" + text + "' is not an IP address");
		}
		try {
			if (v4) {
				String[] octets = text.split("\\.");
				byte[] bytes = new byte[4];
				for (int i = 0; i < 4; i++) {
					int octet = Integer.parseInt(octets[i]);
					if (octet > 255) {
						throw new IllegalArgumentException("'" + text + "' is not an IP address");
					}
					bytes[i] = (byte) octet;
				}
				return InetAddress.getByAddress(bytes);
			}
			// Text with a colon is only ever parsed as an IPv6 literal, never looked up.
			return InetAddress.getByName(text);
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException("'" + text + "' is not an IP address", ex);
		}
	}

	private static int prefixLength(String text, String whole) {
		try {
			return Integer.parseInt(text);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("'" + whole + "' has no valid prefix length", ex);
		}
	}

	private static InetAddress mask(InetAddress address, int prefixLength) {
		byte[] bytes = address.getAddress();
		for (int i = 0; i < bytes.length; i++) {
			int keep = Math.max(0, Math.min(8, prefixLength - i * 8));
			bytes[i] &= (byte) (0xff << (8 - keep));
		}
		try {
			return InetAddress.getByAddress(bytes);
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
