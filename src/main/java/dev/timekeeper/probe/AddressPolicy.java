package dev.timekeeper.probe;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses an {@code http} probe may connect to: any public address, and the
 * special ones below only when the allow-list names them. IPv6 addresses that carry an
 * IPv4 address (IPv4-mapped, IPv4-compatible, NAT64, 6to4) are judged by that address
 * too.
 */
final class AddressPolicy {

	private static final List<Special> SPECIAL = List.of(special("0.0.0.0/8", "an unspecified address"),
			special("127.0.0.0/8", "a loopback address"), special("10.0.0.0/8", "a private address"),
			special("172.16.0.0/12", "a private address"), special("192.168.0.0/16", "a private address"),
			special("100.64.0.0/10", "a carrier-grade NAT address"),
			special("169.254.169.254/32", "the cloud metadata address"),
			special("169.254.0.0/16", "a link-local address"),
			special("192.0.0.0/24", "an IETF protocol assignment address"),
			special("198.18.0.0/15", "a benchmarking address"), special("224.0.0.0/4", "a multicast address"),
			special("240.0.0.0/4", "a reserved address"), special("::/128", "an unspecified address"),
			special("::1/128", "a loopback address"), special("fd00:ec2::254/128", "the cloud metadata address"),
			special("fc00::/7", "a unique local (private) address"), special("fe80::/10", "a link-local address"),
			special("fec0::/10", "a site-local address"), special("64:ff9b:1::/48", "a local-use NAT64 address"),
			special("ff00::/8", "a multicast address"));

	/**
	 * IPv6 blocks whose addresses carry an IPv4 address, and where it starts: IPv4-mapped
	 * (which Java normally turns into IPv4 addresses itself), IPv4-compatible, NAT64 and
	 * 6to4.
	 */
	private static final List<Embedding> EMBEDDINGS = List.of(
			new Embedding(new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff }, 12),
			new Embedding(new byte[12], 12),
			new Embedding(new byte[] { 0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0 }, 12),
			new Embedding(new byte[] { 0x20, 0x02 }, 2));

	private final List<AddressRange> allowed;

	AddressPolicy(List<AddressRange> allowed) {
		this.allowed = List.copyOf(allowed);
	}

	/**
	 * Why an address may not be probed.
	 * @param address a resolved address
	 * @return what kind of address it is, or empty when it may be probed
	 */
	Optional<String> refusal(InetAddress address) {
		if (this.allowed.stream().anyMatch((range) -> range.contains(address))) {
			return Optional.empty();
		}
		Optional<String> special = SPECIAL.stream()
			.filter((candidate) -> candidate.range().contains(address))
			.map(Special::description)
			.findFirst();
		if (special.isPresent() || !(address instanceof Inet6Address)) {
			return special;
		}
		for (Embedding embedding : EMBEDDINGS) {
			if (embedding.matches(address)) {
				InetAddress embedded = embedding.extract(address);
				return refusal(embedded)
					.map((why) -> "an address that embeds " + embedded.getHostAddress() + ", " + why);
			}
		}
		return Optional.empty();
	}

	List<AddressRange> allowed() {
		return this.allowed;
	}

	private static Special special(String range, String description) {
		return new Special(AddressRange.of(range), description);
	}

	private record Special(AddressRange range, String description) {

	}

	private record Embedding(byte[] prefix, int offset) {

		boolean matches(InetAddress address) {
			return Arrays.equals(this.prefix, Arrays.copyOf(address.getAddress(), this.prefix.length));
		}

		InetAddress extract(InetAddress address) {
			try {
				return InetAddress.getByAddress(Arrays.copyOfRange(address.getAddress(), this.offset, this.offset + 4));
			}
			catch (UnknownHostException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
