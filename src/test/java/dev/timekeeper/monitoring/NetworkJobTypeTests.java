package dev.timekeeper.monitoring;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static dev.timekeeper.monitoring.Samples.list;
import static dev.timekeeper.monitoring.Samples.map;
import static dev.timekeeper.monitoring.Samples.number;
import static dev.timekeeper.monitoring.Samples.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The {@code network} type against a known transfer over loopback and the kernel's
 * {@code /proc/net/dev}.
 */
@EnabledOnOs(OS.LINUX)
class NetworkJobTypeTests {

	private static final long TRANSFER = 50L * 1024 * 1024;

	private final PrometheusMeterRegistry registry = Samples.registry();

	private final NetworkJobType type = new NetworkJobType(Samples.SYSTEM_INFO, this.registry, Samples.CLOCK);

	private final NetworkJobType.Params loopbackOnly = new NetworkJobType.Params(List.of("lo"), List.of());

	@Test
	void loopbackByteCountersGrowByAKnownTransferWithinOnePercent() throws Exception {
		Map<String, Object> before = loopback(this.type.run(this.loopbackOnly, run("lo")));
		sendOverLoopback(TRANSFER);
		Map<String, Object> after = loopback(this.type.run(this.loopbackOnly, run("lo")));
		long[] truth = GroundTruth.interfaceBytes("lo");
		long received = number(map(after.get("received")), "bytes") - number(map(before.get("received")), "bytes");
		long sent = number(map(after.get("transmitted")), "bytes") - number(map(before.get("transmitted")), "bytes");
		System.out.printf("lo: sent %d bytes through a socket; counters grew by %d received, %d sent%n", TRANSFER,
				received, sent);
		assertThat(received).isBetween(TRANSFER, TRANSFER * 101 / 100);
		assertThat(sent).isBetween(TRANSFER, TRANSFER * 101 / 100);
		assertThat(number(map(after.get("received")), "bytes")).isCloseTo(truth[0], within(truth[0] / 100));
		assertThat(number(map(after.get("transmitted")), "bytes")).isCloseTo(truth[1], within(truth[1] / 100));
		Map<String, Object> rates = map(after.get("rates"));
		assertThat(((Number) rates.get("receivedBytesPerSecond")).doubleValue())
			.isGreaterThanOrEqualTo(TRANSFER / ((Number) rates.get("intervalSeconds")).doubleValue());
	}

	@Test
	void publishesCountersAndRatesPerInterface() throws Exception {
		this.type.run(this.loopbackOnly, run("meters"));
		String tags = "{group=\"tests\",interface=\"lo\",name=\"meters\"}";
		// rates need a second sample taken a millisecond or more after the first (the
		// counters' timestamps are in milliseconds): sample again until there is one
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			this.type.run(this.loopbackOnly, run("meters"));
			assertThat(this.registry.scrape()).contains("timekeeper_network_receive_rate_bytes_per_second" + tags);
		});
		assertThat(this.registry.scrape()).contains("timekeeper_network_receive_bytes_total" + tags,
				"timekeeper_network_transmit_bytes_total" + tags, "timekeeper_network_receive_packets_total" + tags,
				"timekeeper_network_transmit_packets_total" + tags, "timekeeper_network_receive_errors_total" + tags,
				"timekeeper_network_transmit_errors_total" + tags, "timekeeper_network_receive_drops_total" + tags,
				"timekeeper_network_transmit_drops_total" + tags,
				"timekeeper_network_receive_rate_bytes_per_second" + tags,
				"timekeeper_network_transmit_rate_bytes_per_second" + tags);
	}

	@Test
	void includeAndExcludePatternsChooseTheInterfaces() throws Exception {
		List<String> all = names(this.type.run(new NetworkJobType.Params(null, null), run("all")));
		assertThat(all).contains("lo");
		List<String> withoutLoopback = names(
				this.type.run(new NetworkJobType.Params(null, List.of("l.*")), run("without-lo")));
		assertThat(withoutLoopback).doesNotContain("lo")
			.containsExactlyInAnyOrderElementsOf(all.stream().filter((name) -> !name.startsWith("l")).toList());
		assertThat(names(this.type.run(new NetworkJobType.Params(List.of("lo"), List.of("lo")), run("none"))))
			.isEmpty();
	}

	@Test
	void anInterfaceThatIsNoLongerSampledLosesItsSeries() throws Exception {
		this.type.run(new NetworkJobType.Params(null, null), run("narrowed"));
		assertThat(this.registry.scrape()).contains("interface=\"lo\",name=\"narrowed\"");
		this.type.run(new NetworkJobType.Params(null, List.of("lo")), run("narrowed"));
		assertThat(this.registry.scrape()).doesNotContain("interface=\"lo\",name=\"narrowed\"");
	}

	private static Map<String, Object> loopback(Map<String, Object> result) {
		return list(result.get("interfaces")).stream()
			.filter((candidate) -> "lo".equals(candidate.get("name")))
			.findFirst()
			.orElseThrow();
	}

	private static List<String> names(Map<String, Object> result) {
		return list(result.get("interfaces")).stream().map((network) -> (String) network.get("name")).toList();
	}

	/**
	 * Sends bytes from one socket to another over 127.0.0.1 and waits until all arrived.
	 */
	private static void sendOverLoopback(long bytes) throws Exception {
		try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			CompletableFuture<Long> received = CompletableFuture.supplyAsync(() -> drain(server));
			try (Socket client = new Socket(server.getInetAddress(), server.getLocalPort())) {
				OutputStream out = client.getOutputStream();
				byte[] chunk = new byte[64 * 1024];
				for (long sent = 0; sent < bytes; sent += chunk.length) {
					out.write(chunk, 0, (int) Math.min(chunk.length, bytes - sent));
				}
			}
			assertThat(received.get(60, TimeUnit.SECONDS)).isEqualTo(bytes);
		}
	}

	private static long drain(ServerSocket server) {
		try (Socket socket = server.accept(); InputStream in = socket.getInputStream()) {
			return in.transferTo(OutputStream.nullOutputStream());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
