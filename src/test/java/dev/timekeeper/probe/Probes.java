package dev.timekeeper.probe;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;

import dev.timekeeper.jobtypes.JobRun;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Builds {@code http} job types for tests the way the application does, with an
 * allow-list, a resolver and a transport of the test's choosing.
 */
final class Probes {

	private Probes() {
	}

	static HttpJobType type(MeterRegistry registry, List<String> allowed, HostResolver resolver,
			ProbeTransport transport) {
		AddressPolicy policy = new AddressPolicy(allowed.stream().map(AddressRange::of).toList());
		return new HttpJobType(new HttpProbe(new TargetVetting(policy, resolver), transport), registry,
				Clock.systemUTC());
	}

	static JdkProbeTransport jdkTransport() {
		try {
			return new JdkProbeTransport(SSLContext.getDefault());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A resolver that knows some names itself and asks the system for the others.
	 * @param names host names and the addresses they resolve to
	 * @return the resolver
	 */
	static HostResolver resolver(Map<String, List<String>> names) {
		return (host) -> {
			List<String> addresses = names.get(host);
			if (addresses == null) {
				return HostResolver.SYSTEM.resolve(host);
			}
			InetAddress[] resolved = new InetAddress[addresses.size()];
			for (int i = 0; i < resolved.length; i++) {
				resolved[i] = AddressRange.literal(addresses.get(i));
			}
			return resolved;
		};
	}

	static HttpJobType.Params get(String url) {
		return params(url, null, null, null);
	}

	static HttpJobType.Params params(String url, Duration timeout, List<Integer> expectedStatus, String bodyContains) {
		return new HttpJobType.Params(null, URI.create(url), null, null, timeout, expectedStatus, bodyContains, null);
	}

	static JobRun run(String name) {
		return new JobRun("probes", name, Instant.now(), 1);
	}

	/** A transport that counts the requests it is asked to send, then sends them. */
	static final class Counting implements ProbeTransport {

		private final ProbeTransport delegate;

		private final AtomicInteger exchanges = new AtomicInteger();

		Counting(ProbeTransport delegate) {
			this.delegate = delegate;
		}

		int exchanges() {
			return this.exchanges.get();
		}

		@Override
		public Response exchange(Request request, Duration timeout) throws IOException, InterruptedException {
			this.exchanges.incrementAndGet();
			return this.delegate.exchange(request, timeout);
		}

	}

}
