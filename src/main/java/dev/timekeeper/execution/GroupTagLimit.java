package dev.timekeeper.execution;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;

/**
 * Keeps the scheduler's meters bounded however many groups users make: the first
 * {@code maxGroups} groups seen keep their own {@code group} tag, any later one is
 * counted under {@value #OTHER}. Job names are never tags of these meters, so with this
 * limit ten thousand jobs in ten thousand groups still make a bounded number of series.
 */
class GroupTagLimit implements MeterFilter {

	static final String OTHER = "_other";

	private static final Set<String> METERS = Set.of("timekeeper.executions", "timekeeper.execution.duration",
			"timekeeper.fire.lag", "timekeeper.misfires");

	private final int maxGroups;

	private final Set<String> groups = ConcurrentHashMap.newKeySet();

	GroupTagLimit(int maxGroups) {
		this.maxGroups = maxGroups;
	}

	@Override
	public Meter.Id map(Meter.Id id) {
		String group = id.getTag("group");
		if (group == null || !METERS.contains(id.getName()) || admitted(group)) {
			return id;
		}
		return id.withTag(Tag.of("group", OTHER));
	}

	private boolean admitted(String group) {
		if (this.groups.contains(group)) {
			return true;
		}
		synchronized (this.groups) {
			if (this.groups.size() < this.maxGroups) {
				this.groups.add(group);
				return true;
			}
			return this.groups.contains(group);
		}
	}

}
