package dev.timekeeper.execution;

import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ten thousand jobs, each in a group of its own, do not make ten thousand series of the
 * scheduler's meters.
 */
class GroupTagLimitTests {

	@Test
	void tenThousandJobsInTenThousandGroupsMakeABoundedNumberOfSeries() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		registry.config().meterFilter(new GroupTagLimit(100));
		ExecutionMetrics metrics = new ExecutionMetrics(registry);
		Instant now = Instant.now();
		for (int i = 0; i < 10_000; i++) {
			metrics.record(new FinishedRun("group-" + i, "job-" + i, "noop", "node", null, now, now,
					now.plus(Duration.ofMillis(i % 7)), (i % 2 == 0) ? Outcome.SUCCESS : Outcome.FAILED, 1, null,
					null));
		}

		// 100 groups of their own (each job here has one outcome), and "_other" with both
		assertThat(registry.find("timekeeper.executions").counters()).hasSize(100 + 2);
		assertThat(registry.find("timekeeper.execution.duration").timers()).hasSize(101);
		assertThat(registry.find("timekeeper.executions").tag("group", GroupTagLimit.OTHER).counters())
			.extracting((counter) -> counter.count())
			.containsExactlyInAnyOrder(4950.0, 4950.0);
		assertThat(registry.find("timekeeper.executions").tag("group", "group-7").counters()).hasSize(1);
		assertThat(registry.getMeters()).noneMatch((meter) -> meter.getId().getTag("name") != null);
	}

}
