package dev.timekeeper.monitoring;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.timekeeper.jobtypes.JobRun;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A job's meters live exactly as long as the job: registered once, updated by each
 * sample, removed when the job is released, and never brought back by a run of the
 * released job that finishes (or starts) afterwards.
 */
class JobSeriesTests {

	private static final Metric GAUGE = Metric.gauge("test.gauge", "bytes", "a gauge");

	private static final Metric COUNTER = Metric.counter("test.counter", null, "a counter");

	private static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");

	private final MeterRegistry registry = new SimpleMeterRegistry();

	private final JobSeries<AtomicInteger> series = new JobSeries<>(this.registry, AtomicInteger::new,
			Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void meterIsRegisteredOnceAndUpdatedAndStateIsKeptPerJob() throws Exception {
		for (int i = 1; i <= 3; i++) {
			sample("a", NOW, i);
		}
		sample("b", NOW, 10);
		assertThat(this.registry.find("test.gauge").tag("name", "a").gauges()).hasSize(1);
		assertThat(this.registry.get("test.gauge").tag("name", "a").gauge().value()).isEqualTo(3);
		assertThat(this.registry.get("test.counter").tag("name", "a").functionCounter().count()).isEqualTo(3);
		assertThat(this.registry.get("test.counter").tag("name", "b").functionCounter().count()).isEqualTo(1);
	}

	@Test
	void releaseRemovesTheJobsMetersAndState() throws Exception {
		sample("gone", NOW.minusSeconds(10), 1);
		this.series.release("default", "gone");
		assertThat(this.registry.find("test.gauge").tag("name", "gone").gauges()).isEmpty();
		// A job created again under that name starts afresh.
		sample("gone", NOW.plusSeconds(1), 1);
		assertThat(this.registry.get("test.counter").tag("name", "gone").functionCounter().count()).isEqualTo(1);
	}

	@Test
	void aRunOfTheReleasedJobThatStartsLatePublishesNothing() throws Exception {
		this.series.release("default", "late");
		int result = sample("late", NOW.minusSeconds(30), 7);
		assertThat(result).isEqualTo(7);
		assertThat(this.registry.find("test.gauge").tag("name", "late").gauges()).isEmpty();
	}

	@Test
	void aRunInProgressWhenItsJobIsReleasedPublishesNothing() throws Exception {
		CountDownLatch sampling = new CountDownLatch(1);
		CountDownLatch released = new CountDownLatch(1);
		CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> {
			try {
				return this.series.sample(run("busy", NOW.plusSeconds(60)), (state, meters) -> {
					sampling.countDown();
					released.await(10, TimeUnit.SECONDS);
					meters.record(GAUGE, 1);
					return 1;
				});
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		assertThat(sampling.await(10, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<Void> release = CompletableFuture.runAsync(() -> this.series.release("default", "busy"));
		released.countDown();
		release.get(10, TimeUnit.SECONDS);
		assertThat(run.get(10, TimeUnit.SECONDS)).isEqualTo(1);
		assertThat(this.registry.find("test.gauge").tag("name", "busy").gauges()).isEmpty();
	}

	@Test
	void aMeterThatASampleDoesNotRecordIsRemoved() throws Exception {
		this.series.sample(run("narrow", NOW), (state, meters) -> {
			meters.record(GAUGE, 1, "interface", "eth0");
			meters.record(GAUGE, 2, "interface", "eth1");
			return null;
		});
		this.series.sample(run("narrow", NOW), (state, meters) -> {
			meters.record(GAUGE, 1, "interface", "eth0");
			return null;
		});
		assertThat(this.registry.find("test.gauge").tag("name", "narrow").gauges()).hasSize(1);
	}

	@Test
	void aFailedSampleLeavesTheMetersAsTheyWere() throws Exception {
		sample("failing", NOW, 5);
		assertThatIllegalStateException().isThrownBy(() -> this.series.sample(run("failing", NOW), (state, meters) -> {
			throw new IllegalStateException("cannot sample");
		}));
		assertThat(this.registry.get("test.gauge").tag("name", "failing").gauge().value()).isEqualTo(5);
	}

	private int sample(String name, Instant scheduledAt, int value) throws Exception {
		return this.series.sample(run(name, scheduledAt), (state, meters) -> {
			meters.record(GAUGE, value);
			meters.record(COUNTER, state.incrementAndGet());
			return value;
		});
	}

	private static JobRun run(String name, Instant scheduledAt) {
		return new JobRun("default", name, scheduledAt, 1);
	}

}
