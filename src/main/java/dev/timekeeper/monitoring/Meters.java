package dev.timekeeper.monitoring;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * The meters one job publishes. Each meter is registered once, on the first sample that
 * has a value for it, and then only updated; a meter that a sample does not record (an
 * interface that went away, say) is removed when the sample is committed, so the scrape
 * shows only what the last sample saw. Counters are function counters over the cumulative
 * value the sample read, so they are true counters (they reset only when the source
 * does).
 * <p>
 * Not thread-safe: {@link JobSeries} lets one sample of a job at a time use it.
 */
public final class Meters {

	private final MeterRegistry registry;

	private final Tags jobTags;

	private final Map<Key, Published> published = new HashMap<>();

	private final Set<Key> recorded = new HashSet<>();

	Meters(MeterRegistry registry, Tags jobTags) {
		this.registry = registry;
		this.jobTags = jobTags;
	}

	/**
	 * Records a value of the job's meter.
	 * @param metric which meter
	 * @param value the value (for a counter, the cumulative total)
	 * @param tags tag keys and values besides the job's own, such as
	 * {@code "interface", "eth0"}
	 */
	public void record(Metric metric, double value, String... tags) {
		Key key = new Key(metric.name(), this.jobTags.and(tags));
		this.published.computeIfAbsent(key, (unused) -> register(metric, key.tags())).value().set(value);
		this.recorded.add(key);
	}

	void begin() {
		this.recorded.clear();
	}

	void commit() {
		this.published.entrySet().removeIf((entry) -> {
			boolean stale = !this.recorded.contains(entry.getKey());
			if (stale) {
				this.registry.remove(entry.getValue().meter());
			}
			return stale;
		});
	}

	void removeAll() {
		this.published.values().forEach((meter) -> this.registry.remove(meter.meter()));
		this.published.clear();
	}

	private Published register(Metric metric, Tags tags) {
		Value value = new Value();
		Meter meter = metric.counter()
				? FunctionCounter.builder(metric.name(), value, Value::get)
					.baseUnit(metric.baseUnit())
					.description(metric.description())
					.tags(tags)
					.register(this.registry)
				: Gauge.builder(metric.name(), value, Value::get)
					.baseUnit(metric.baseUnit())
					.description(metric.description())
					.tags(tags)
					.strongReference(true)
					.register(this.registry);
		return new Published(value, meter);
	}

	private record Key(String name, Tags tags) {

	}

	private record Published(Value value, Meter meter) {

	}

	/** The latest value of a meter, written by a sample and read by a scrape. */
	private static final class Value {

		private volatile double value = Double.NaN;

		double get() {
			return this.value;
		}

		void set(double value) {
			this.value = value;
		}

	}

}
