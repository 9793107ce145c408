package dev.timekeeper.probe;

import java.net.InetAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Server-side request forgery: an {@code http} job may not reach loopback, private,
 * link-local or metadata addresses, whether written literally, behind a host name, or at
 * the end of a redirect, and nothing is connected when it is refused. Listeners on
 * 127.0.0.1 and ::1 count connections; a transport that counts requests shows that none
 * was even attempted for addresses no test can listen on.
 */
class HttpProbeSsrfTests {

	private final CountingListener ipv4 = new CountingListener("127.0.0.1");

	private final CountingListener ipv6 = new CountingListener("::1");

	private final Probes.Counting transport = new Probes.Counting(Probes.jdkTransport());

	private final HostResolver resolver = Probes.resolver(Map.of("internal.test", List.of("127.0.0.1"), "mixed.test",
			List.of("93.184.215.14", "10.0.0.1"), "metadata.test", List.of("169.254.169.254")));

	HttpProbeSsrfTests() throws Exception {
	}

	@AfterEach
	void close() throws Exception {
		this.ipv4.close();
		this.ipv6.close();
	}

	static Stream<Arguments> forbidden() {
		return Stream.of(Arguments.of("http://127.0.0.1:%d/", "127.0.0.1, a loopback address"),
				Arguments.of("http://[::1]:%2$d/", "0:0:0:0:0:0:0:1, a loopback address"),
				Arguments.of("http://localhost:%d/", "a loopback address"),
				Arguments.of("http://internal.test:%d/", "127.0.0.1, a loopback address"),
				Arguments.of("https://10.0.0.1/", "10.0.0.1, a private address"),
				Arguments.of("http://169.254.169.254/latest/meta-data/", "the cloud metadata address"),
				Arguments.of("http://metadata.test/computeMetadata/v1/", "the cloud metadata address"),
				Arguments.of("http://[fd00:ec2::254]/latest/meta-data/", "the cloud metadata address"),
				Arguments.of("http://mixed.test/", "10.0.0.1, a private address"),
				Arguments.of("http://[::ffff:192.168.1.1]/", "192.168.1.1, a private address"),
				Arguments.of("http://0.0.0.0:%d/", "an unspecified address"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("forbidden")
	void forbiddenTargetIsRefusedWithoutAnyConnection(String url, String why) {
		HttpJobType type = Probes.type(new SimpleMeterRegistry(), List.of(), this.resolver, this.transport);
		String target = url.formatted(this.ipv4.port(), this.ipv6.port());
		assertThatExceptionOfType(HttpJobType.ProbeFailedException.class)
			.isThrownBy(() -> type.run(Probes.get(target), Probes.run("forbidden")))
			.withMessageContaining("refused")
			.withMessageContaining(why)
			.withMessageContaining("timekeeper.http-probe.allowed");
		assertThat(this.transport.exchanges()).as("requests sent").isZero();
		assertThat(this.ipv4.accepted() + this.ipv6.accepted()).as("connections accepted").isZero();
	}

	@Test
	void anAllowListedAddressIsProbed() throws Exception {
		try (ProbeServer server = new ProbeServer()) {
			HttpJobType refusing = Probes.type(new SimpleMeterRegistry(), List.of("10.0.0.0/8"), this.resolver,
					this.transport);
			assertThatExceptionOfType(HttpJobType.ProbeFailedException.class)
				.isThrownBy(() -> refusing.run(Probes.get(server.url("/ok")), Probes.run("refused")));
			HttpJobType allowing = Probes.type(new SimpleMeterRegistry(), List.of("127.0.0.1"), this.resolver,
					this.transport);
			assertThat(allowing.run(Probes.get(server.url("/ok")), Probes.run("allowed"))).containsEntry("success",
					true);
			assertThat(server.received()).hasSize(1);
		}
	}

	@Test
	void aRedirectToAPrivateAddressIsRefusedBeforeItIsFollowed() throws Exception {
		try (ProbeServer server = new ProbeServer()) {
			HttpJobType type = Probes.type(new SimpleMeterRegistry(), List.of("127.0.0.1/32"), this.resolver,
					this.transport);
			assertThatExceptionOfType(HttpJobType.ProbeFailedException.class)
				.isThrownBy(() -> type.run(Probes.get(server.url("/to-private")), Probes.run("to-private")))
				.withMessageContaining("refused 10.0.0.1: it resolves to 10.0.0.1, a private address");
			assertThat(this.transport.exchanges()).as("only the first hop was sent").isEqualTo(1);
		}
	}

	@Test
	void aRedirectToALoopbackAddressThatIsNotAllowedConnectsToNothing() throws Exception {
		try (ProbeServer server = new ProbeServer()) {
			HttpJobType type = Probes.type(new SimpleMeterRegistry(), List.of("127.0.0.1/32"), this.resolver,
					this.transport);
			String toIpv6 = server
				.url("/to/" + URLEncoder.encode("http://[::1]:" + this.ipv6.port() + "/", StandardCharsets.UTF_8));
			assertThatExceptionOfType(HttpJobType.ProbeFailedException.class)
				.isThrownBy(() -> type.run(Probes.get(toIpv6), Probes.run("to-ipv6")))
				.withMessageContaining("a loopback address");
			assertThat(this.ipv6.accepted()).isZero();
			assertThat(this.transport.exchanges()).isEqualTo(1);
		}
	}

	@Test
	void theResolverIsAskedOnceAndTheAnswerItGaveIsWhereTheRequestGoes() throws Exception {
		// A rebinding name: public-looking first (here the allowed test server), private
		// after.
		AtomicInteger lookups = new AtomicInteger();
		HostResolver rebinding = (host) -> new InetAddress[] {
				AddressRange.literal((lookups.getAndIncrement() == 0) ? "127.0.0.1" : "10.0.0.1") };
		try (ProbeServer server = new ProbeServer()) {
			HttpJobType type = Probes.type(new SimpleMeterRegistry(), List.of("127.0.0.1/32"), rebinding,
					this.transport);
			assertThat(type.run(Probes.get("http://rebinding.test:" + server.port() + "/ok"), Probes.run("rebind")))
				.containsEntry("success", true)
				.containsEntry("address", "127.0.0.1");
			assertThat(lookups).hasValue(1);
			assertThat(server.received()).hasSize(1);
		}
	}

}
