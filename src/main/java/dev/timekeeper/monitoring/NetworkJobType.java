package dev.timekeeper.monitoring;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.timekeeper.jobtypes.JobRun;
import dev.timekeeper.jobtypes.JobType;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import oshi.SystemInfo;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.hardware.NetworkIF;

import org.springframework.stereotype.Component;

/**
 * The {@code network} type: per interface the bytes, packets, errors and drops received
 * and sent, as counters, and the byte and packet rates since the job's previous sample.
 * Every sample asks OSHI for the interfaces afresh (loopback included), as its authors
 * advise, so interfaces that come and go are followed.
 */
@Component
class NetworkJobType implements JobType<NetworkJobType.Params> {

	static final Metric RECEIVE_BYTES = Metric.counter("timekeeper.network.receive", "bytes", "Bytes received");

	static final Metric TRANSMIT_BYTES = Metric.counter("timekeeper.network.transmit", "bytes", "Bytes sent");

	static final Metric RECEIVE_PACKETS = Metric.counter("timekeeper.network.receive.packets", null,
			"Packets received");

	static final Metric TRANSMIT_PACKETS = Metric.counter("timekeeper.network.transmit.packets", null, "Packets sent");

	static final Metric RECEIVE_ERRORS = Metric.counter("timekeeper.network.receive.errors", null, "Receive errors");

	static final Metric TRANSMIT_ERRORS = Metric.counter("timekeeper.network.transmit.errors", null, "Transmit errors");

	static final Metric RECEIVE_DROPS = Metric.counter("timekeeper.network.receive.drops", null,
			"Received packets dropped");

	static final Metric TRANSMIT_DROPS = Metric.counter("timekeeper.network.transmit.drops", null,
			"Packets dropped on sending (Linux only)");

	static final Metric RECEIVE_RATE = Metric.gauge("timekeeper.network.receive.rate", "bytes.per.second",
			"Bytes received per second between this job's last two samples");

	static final Metric TRANSMIT_RATE = Metric.gauge("timekeeper.network.transmit.rate", "bytes.per.second",
			"Bytes sent per second between this job's last two samples");

	private final HardwareAbstractionLayer hardware;

	private final JobSeries<Map<String, InterfaceCounters>> series;

	NetworkJobType(SystemInfo systemInfo, MeterRegistry registry, Clock clock) {
		this.hardware = systemInfo.getHardware();
		this.series = new JobSeries<>(registry, HashMap::new, clock);
	}

	@Override
	public String name() {
		return "network";
	}

	@Override
	public String description() {
		return "Samples each network interface's bytes, packets, errors and drops received and sent, "
				+ "and the rates since the job's previous sample.";
	}

	@Override
	public Class<Params> paramsType() {
		return Params.class;
	}

	@Override
	public Map<String, Object> run(Params params, JobRun run) throws Exception {
		NameFilter filter = NameFilter.of(params.interfaces(), params.excludeInterfaces());
		return this.series.sample(run, (previous, meters) -> {
			List<Map<String, Object>> interfaces = new ArrayList<>();
			Map<String, InterfaceCounters> current = new HashMap<>();
			for (NetworkIF network : this.hardware.getNetworkIFs(true)) {
				if (filter.matches(network.getName())) {
					InterfaceCounters counters = InterfaceCounters.of(network);
					current.put(counters.name(), counters);
					interfaces.add(sample(counters, previous.get(counters.name()), meters));
				}
			}
			previous.clear();
			previous.putAll(current);
			return Map.of("interfaces", interfaces);
		});
	}

	@Override
	public void release(String group, String name) {
		this.series.release(group, name);
	}

	private static Map<String, Object> sample(InterfaceCounters counters, @Nullable InterfaceCounters previous,
			Meters meters) {
		String[] tag = { "interface", counters.name() };
		meters.record(RECEIVE_BYTES, counters.receivedBytes(), tag);
		meters.record(TRANSMIT_BYTES, counters.transmittedBytes(), tag);
		meters.record(RECEIVE_PACKETS, counters.receivedPackets(), tag);
		meters.record(TRANSMIT_PACKETS, counters.transmittedPackets(), tag);
		meters.record(RECEIVE_ERRORS, counters.receiveErrors(), tag);
		meters.record(TRANSMIT_ERRORS, counters.transmitErrors(), tag);
		meters.record(RECEIVE_DROPS, counters.receiveDrops(), tag);
		if (counters.transmitDrops() != null) {
			meters.record(TRANSMIT_DROPS, counters.transmitDrops(), tag);
		}
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("name", counters.name());
		result.put("received", counters.received());
		result.put("transmitted", counters.transmitted());
		Map<String, Object> rates = (previous != null) ? counters.ratesSince(previous) : null;
		if (rates != null) {
			result.put("rates", rates);
			meters.record(RECEIVE_RATE, (double) rates.get("receivedBytesPerSecond"), tag);
			meters.record(TRANSMIT_RATE, (double) rates.get("transmittedBytesPerSecond"), tag);
		}
		return result;
	}

	/**
	 * Parameters of the {@code network} type.
	 *
	 * @param interfaces patterns of the interfaces to sample; empty for all
	 * @param excludeInterfaces patterns of interfaces to leave out
	 */
	record Params(
			@ArraySchema(arraySchema = @Schema(
					description = "Java regular expressions; an interface is sampled when its whole name matches one "
							+ "(empty: every interface, loopback included)",
					example = "[\"eth.*\", \"en.*\"]"),
					maxItems = 50) @Size(max = 50) List<@NotNull @RegularExpression String> interfaces,
			@ArraySchema(arraySchema = @Schema(
					description = "Java regular expressions of interfaces to leave out, applied after interfaces",
					example = "[\"veth.*\", \"docker.*\"]"),
					maxItems = 50) @Size(max = 50) List<@NotNull @RegularExpression String> excludeInterfaces) {

		Params {
			interfaces = (interfaces != null) ? interfaces : List.of();
			excludeInterfaces = (excludeInterfaces != null) ? excludeInterfaces : List.of();
		}

	}

}
