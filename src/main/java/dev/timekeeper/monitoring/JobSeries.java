package dev.timekeeper.monitoring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import dev.timekeeper.jobtypes.JobRun;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * What a monitoring job type keeps for each of its jobs: the {@link Meters} it publishes
 * for the job and the state it carries from one sample to the next (the previous CPU
 * ticks, say). {@link #release} drops both when the job is deleted or replaced.
 * <p>
 * Samples of one job run one at a time. A run that was already under way when its job was
 * released (or a fire of the released job that started late, after its jitter) still
 * returns its sample, but publishes nothing: a deleted job's series never come back.
 *
 * @param <S> the state kept between a job's samples
 */
public final class JobSeries<S> {

	/** How long a released job's runs are recognised as stale: longer than any jitter. */
	private static final Duration RELEASE_MEMORY = Duration.ofDays(2);

	private final MeterRegistry registry;

	private final Supplier<S> initialState;

	private final Clock clock;

	private final Map<JobKey, Entry<S>> entries = new ConcurrentHashMap<>();

	private final Map<JobKey, Instant> released = new ConcurrentHashMap<>();

	/**
	 * Series for one job type.
	 * @param registry where the meters go
	 * @param initialState the state of a job that has not been sampled yet
	 * @param clock tells when a job was released
	 */
	public JobSeries(MeterRegistry registry, Supplier<S> initialState, Clock clock) {
		this.registry = registry;
		this.initialState = initialState;
		this.clock = clock;
	}

	/**
	 * Takes one sample of a job: the sampler reads the job's kept state, records its
	 * meters and returns the run's result.
	 * @param <R> the result type
	 * @param run the run
	 * @param sampler takes the sample
	 * @return what the sampler returned
	 * @throws Exception what the sampler threw (its meters are then left as they were)
	 */
	public <R> R sample(JobRun run, Sampler<S, R> sampler) throws Exception {
		JobKey key = new JobKey(run.group(), run.name());
		Entry<S> entry = this.entries.computeIfAbsent(key, this::newEntry);
		synchronized (entry) {
			entry.meters.begin();
			R result = sampler.sample(entry.state, entry.meters);
			if (entry.released || releasedSince(key, run.scheduledAt())) {
				entry.meters.removeAll();
				this.entries.remove(key, entry);
			}
			else {
				entry.meters.commit();
			}
			return result;
		}
	}

	/**
	 * Forgets a job: removes its meters and the state kept for it.
	 * @param group the job's group
	 * @param name the job's name
	 */
	public void release(String group, String name) {
		JobKey key = new JobKey(group, name);
		Instant now = this.clock.instant();
		this.released.values().removeIf((at) -> at.isBefore(now.minus(RELEASE_MEMORY)));
		this.released.put(key, now);
		Entry<S> entry = this.entries.remove(key);
		if (entry != null) {
			synchronized (entry) {
				entry.released = true;
				entry.meters.removeAll();
			}
		}
	}

	/**
	 * Whether a run belongs to a job released after the run was scheduled: a fire of the
	 * deleted job, not of the one that may have replaced it.
	 */
	private boolean releasedSince(JobKey key, Instant scheduledAt) {
		Instant releasedAt = this.released.get(key);
		return releasedAt != null && !scheduledAt.isAfter(releasedAt);
	}

	private Entry<S> newEntry(JobKey key) {
		return new Entry<>(this.initialState.get(),
				new Meters(this.registry, Tags.of("group", key.group(), "name", key.name())));
	}

	/**
	 * Takes a sample.
	 *
	 * @param <S> the kept state
	 * @param <R> the result
	 */
	@FunctionalInterface
	public interface Sampler<S, R> {

		/**
		 * Takes a sample, updating the kept state and recording meters.
		 * @param state the job's kept state
		 * @param meters the job's meters
		 * @return the run's result
		 * @throws Exception if the sample could not be taken
		 */
		R sample(S state, Meters meters) throws Exception;

	}

	private record JobKey(String group, String name) {

	}

	private static final class Entry<S> {

		private final S state;

		private final Meters meters;

		private boolean released;

		Entry(S state, Meters meters) {
			this.state = state;
			this.meters = meters;
		}

	}

}
