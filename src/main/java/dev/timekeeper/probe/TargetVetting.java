package dev.timekeeper.probe;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Resolves a URL's host once and checks every address it resolves to: if any one is
 * refused by the {@link AddressPolicy} the target is refused, before anything is
 * connected. Otherwise the probe connects to the first address, the very one checked, so
 * a name that resolves differently a moment later (DNS rebinding) changes nothing.
 */
final class TargetVetting {

	private final AddressPolicy policy;

	private final HostResolver resolver;

	TargetVetting(AddressPolicy policy, HostResolver resolver) {
		this.policy = policy;
		this.resolver = resolver;
	}

	/**
	 * Vets a URL.
	 * @param uri an http or https URL
	 * @return the target and the address to connect to
	 * @throws ProbeRefusedException if an address it resolves to is not allowed
	 * @throws UnknownHostException if the host does not resolve
	 */
	VettedTarget vet(URI uri) throws ProbeRefusedException, UnknownHostException {
		String host = VettedTarget.host(uri);
		InetAddress[] addresses = this.resolver.resolve(host);
		if (addresses.length == 0) {
			throw new UnknownHostException(host);
		}
		for (InetAddress address : addresses) {
			Optional<String> refusal = this.policy.refusal(address);
			if (refusal.isPresent()) {
				throw ProbeRefusedException.forAddress(host, address.getHostAddress(), refusal.get());
			}
		}
		return new VettedTarget(uri, addresses[0]);
	}

}
