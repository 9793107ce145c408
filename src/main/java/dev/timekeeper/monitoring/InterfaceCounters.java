package dev.timekeeper.monitoring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import oshi.hardware.NetworkIF;

/**
 * One interface's cumulative counters, as read at one moment.
 *
 * @param name the interface
 * @param timestampMillis when OSHI read them
 * @param receivedBytes bytes received
 * @param transmittedBytes bytes sent
 * @param receivedPackets packets received
 * @param transmittedPackets packets sent
 * @param receiveErrors receive errors
 * @param transmitErrors transmit errors
 * @param receiveDrops received packets dropped
 * @param transmitDrops packets dropped on sending; OSHI does not read it, so it comes
 * from Linux's {@code /sys/class/net/<name>/statistics/tx_dropped}, and is null elsewhere
 */
record InterfaceCounters(String name, long timestampMillis, long receivedBytes, long transmittedBytes,
		long receivedPackets, long transmittedPackets, long receiveErrors, long transmitErrors, long receiveDrops,
		@Nullable Long transmitDrops) {

	private static final Path SYS_CLASS_NET = Path.of("/sys/class/net");

	private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_.:@-]{1,64}");

	static InterfaceCounters of(NetworkIF network) {
		return new InterfaceCounters(network.getName(), network.getTimeStamp(), network.getBytesRecv(),
				network.getBytesSent(), network.getPacketsRecv(), network.getPacketsSent(), network.getInErrors(),
				network.getOutErrors(), network.getInDrops(), transmitDrops(network.getName()));
	}

	Map<String, Object> received() {
		return Map.of("bytes", this.receivedBytes, "packets", this.receivedPackets, "errors", this.receiveErrors,
				"drops", this.receiveDrops);
	}

	Map<String, Object> transmitted() {
		Map<String, Object> transmitted = new LinkedHashMap<>();
		transmitted.put("bytes", this.transmittedBytes);
		transmitted.put("packets", this.transmittedPackets);
		transmitted.put("errors", this.transmitErrors);
		if (this.transmitDrops != null) {
			transmitted.put("drops", this.transmitDrops);
		}
		return transmitted;
	}

	/**
	 * Rates per second since an earlier reading of the same interface, or null when there
	 * is no time between them or a counter went back (the interface was reset).
	 */
	@Nullable Map<String, Object> ratesSince(InterfaceCounters earlier) {
		double seconds = (this.timestampMillis - earlier.timestampMillis) / 1000.0;
		if (seconds <= 0 || this.receivedBytes < earlier.receivedBytes
				|| this.transmittedBytes < earlier.transmittedBytes || this.receivedPackets < earlier.receivedPackets
				|| this.transmittedPackets < earlier.transmittedPackets) {
			return null;
		}
		Map<String, Object> rates = new LinkedHashMap<>();
		rates.put("intervalSeconds", seconds);
		rates.put("receivedBytesPerSecond", (this.receivedBytes - earlier.receivedBytes) / seconds);
		rates.put("transmittedBytesPerSecond", (this.transmittedBytes - earlier.transmittedBytes) / seconds);
		rates.put("receivedPacketsPerSecond", (this.receivedPackets - earlier.receivedPackets) / seconds);
		rates.put("transmittedPacketsPerSecond", (this.transmittedPackets - earlier.transmittedPackets) / seconds);
		return rates;
	}

	private static @Nullable Long transmitDrops(String name) {
		if (!SAFE_NAME.matcher(name).matches()) {
			return null;
		}
		Path file = SYS_CLASS_NET.resolve(name).resolve("statistics/tx_dropped");
		try {
			return Files.isRegularFile(file) ? Long.parseLong(Files.readString(file).trim()) : null;
		}
		catch (IOException | NumberFormatException ex) {
			return null;
		}
	}

}
