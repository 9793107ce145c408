package dev.timekeeper.probe;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The {@code http} type against a real HTTP server on 127.0.0.1 (allowed for these
 * tests): success, wrong status, timeout, body mismatch and redirects, each recorded as
 * the run's result or failure and as meters.
 */
class HttpJobTypeTests {

	private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

	private final ProbeServer server;

	private final Probes.Counting transport = new Probes.Counting(Probes.jdkTransport());

	private final HttpJobType type;

	HttpJobTypeTests() throws Exception {
		this.server = new ProbeServer();
		this.type = Probes.type(this.registry, List.of("127.0.0.1/32"),
				Probes.resolver(Map.of("service.test", List.of("127.0.0.1"), "other.test", List.of("127.0.0.1"))),
				this.transport);
	}

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	@Test
	void successRecordsStatusLatencyAndSuccess() throws Exception {
		Map<String, Object> result = this.type.run(Probes.params(this.server.url("/ok"), null, null, "good"),
				Probes.run("ok"));
		assertThat(result).containsEntry("success", true)
			.containsEntry("status", 200)
			.containsEntry("redirects", 0)
			.containsEntry("address", "127.0.0.1")
			.containsEntry("target", this.server.url("/ok"));
		assertThat((double) result.get("durationSeconds")).isPositive();
		String tags = "{group=\"probes\",name=\"ok\",target=\"" + this.server.url("/ok") + "\"}";
		assertThat(this.registry.scrape()).contains("timekeeper_http_probe_success" + tags + " 1.0",
				"timekeeper_http_probe_status_code" + tags + " 200.0", "timekeeper_http_probe_duration_seconds" + tags);
	}

	@Test
	void wrongStatusFailsTheRunAndIsPublished() {
		assertThatExceptionOfType(HttpJobType.ProbeFailedException.class)
			.isThrownBy(() -> this.type.run(Probes.get(this.server.url("/missing")), Probes.run("missing")))
			.withMessageContaining("status 404, expected 2xx");
		String tags = "{group=\"probes\",name=\"missing\",target=\"" + this.server.url("/missing") + "\"}";
		assertThat(this.registry.scrape()).contains("timekeeper_http_probe_success" + tags + " 0.0",
				"timekeeper_http_probe_status_code" + tags + " 404.0");
	}

	@Test
	void expectedStatusesAreWhatCountsAsSuccess() throws Exception {
		assertThat(this.type.run(Probes.params(this.server.url("/missing"), null, List.of(404, 410), null),
				Probes.run("expected-404")))
			.containsEntry("success", true);
		assertThatExceptionOfType(HttpJobType.ProbeFailedException.class)
			.isThrownBy(() -> this.type.run(Probes.params(this.server.url("/ok"), null, List.of(204), null),
					Probes.run("expected-204")))
			.withMessageContaining("status 200, expected one of [204]");
	}

	@Test
	void aServerSlowerThanTheTimeoutFailsTheRunWithoutWaitingForIt() {
		assertThatExceptionOfType(HttpJobType.ProbeFailedException.class)
			.isThrownBy(() -> this.type.run(Probes.params(this.server.url("/slow"), Duration.ofMillis(500), null, null),
					Probes.run("slow")))
			.withMessageContaining("timed out after PT0.5S");
		assertThat(this.server.slowStillHeld()).as("the server is still holding the answer").isTrue();
		assertThat(this.registry.scrape()).contains("timekeeper_http_probe_status_code{group=\"probes\",name=\"slow\"",
				"} 0.0");
	}

	@Test
	void aPortWhereNothingListensFailsTheRun() throws Exception {
		int closed;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			closed = socket.getLocalPort();
		}
		assertThatExceptionOfType(HttpJobType.ProbeFailedException.class)
			.isThrownBy(() -> this.type.run(Probes.get("http://127.0.0.1:" + closed + "/"), Probes.run("closed")))
			.withMessageContaining("could not connect");
	}

	@Test
	void aBodyWithoutTheExpectedTextFailsTheRun() {
		assertThatExceptionOfType(HttpJobType.ProbeFailedException.class).isThrownBy(
				() -> this.type.run(Probes.params(this.server.url("/ok"), null, null, "all bad"), Probes.run("body")))
			.withMessageContaining("does not contain \"all bad\"");
	}

	@Test
	void redirectsAreFollowedToTheFinalAnswer() throws Exception {
		Map<String, Object> result = this.type.run(Probes.get(this.server.url("/redirect")), Probes.run("redirect"));
		assertThat(result).containsEntry("success", true).containsEntry("status", 200).containsEntry("redirects", 1);
		assertThat(this.server.received()).extracting(ProbeServer.Received::path).containsExactly("/redirect", "/ok");
	}

	@Test
	void aRedirectBeyondTheLimitIsTheAnswer() throws Exception {
		HttpJobType.Params noFollow = new HttpJobType.Params(null, URI.create(this.server.url("/redirect")), null, null,
				null, List.of(302), null, 0);
		assertThat(this.type.run(noFollow, Probes.run("no-follow"))).containsEntry("status", 302)
			.containsEntry("success", true);
		assertThatExceptionOfType(HttpJobType.ProbeFailedException.class)
			.isThrownBy(() -> this.type.run(Probes.get(this.server.url("/loop")), Probes.run("loop")))
			.withMessageContaining("status 302");
		assertThat(this.server.received()).filteredOn((received) -> received.path().equals("/loop")).hasSize(6);
	}

	@Test
	void aPostRedirectedWithSeeOtherContinuesAsAGetWithoutBody() throws Exception {
		HttpJobType.Params post = new HttpJobType.Params(HttpJobType.Method.POST,
				URI.create(this.server.url("/see-other")), Map.of("Content-Type", "text/plain"), "hello", null, null,
				null, null);
		assertThat(this.type.run(post, Probes.run("post"))).containsEntry("status", 200);
		assertThat(this.server.received()).extracting(ProbeServer.Received::method, ProbeServer.Received::body)
			.containsExactly(tuple("POST", "hello"), tuple("GET", ""));
	}

	@Test
	void theRequestNamesTheHostButGoesToTheVettedAddress() throws Exception {
		String url = "http://service.test:" + this.server.port() + "/ok";
		assertThat(this.type.run(Probes.get(url), Probes.run("named"))).containsEntry("address", "127.0.0.1");
		assertThat(this.server.received()).extracting(ProbeServer.Received::host)
			.containsExactly("service.test:" + this.server.port());
	}

	@Test
	void credentialsAreNotSentToAnotherHostOnRedirect() throws Exception {
		String other = "http://other.test:" + this.server.port() + "/ok";
		HttpJobType.Params withAuthorization = new HttpJobType.Params(null,
				URI.create("http://service.test:" + this.server.port() + "/to/"
						+ URLEncoder.encode(other, StandardCharsets.UTF_8)),
				Map.of("Authorization", "Bearer secret"), null, null, null, null, null);
		this.type.run(withAuthorization, Probes.run("credentials"));
		assertThat(this.server.received()).extracting(ProbeServer.Received::host, ProbeServer.Received::authorization)
			.containsExactly(tuple("service.test:" + this.server.port(), "Bearer secret"),
					tuple("other.test:" + this.server.port(), null));
	}

	@Test
	void aRedirectToAnotherSchemeFailsTheRun() {
		assertThatExceptionOfType(HttpJobType.ProbeFailedException.class)
			.isThrownBy(() -> this.type.run(Probes.get(this.server.url("/to-ftp")), Probes.run("ftp")))
			.withMessageContaining("redirect to an unsupported location: ftp://127.0.0.1/file");
	}

	@Test
	void releaseRemovesTheJobsSeries() throws Exception {
		this.type.run(Probes.get(this.server.url("/ok")), Probes.run("released"));
		assertThat(this.registry.scrape()).contains("name=\"released\"");
		this.type.release("probes", "released");
		assertThat(this.registry.scrape()).doesNotContain("name=\"released\"");
	}

}
