package dev.timekeeper.execution;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter.MeterProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * Counts runs by group, type and outcome and times them by group and type. A job's name
 * is never a tag here: ten thousand jobs make no more series than their groups and types
 * do.
 */
@Component
class ExecutionMetrics {

	private final MeterProvider<Counter> executions;

	private final MeterProvider<Timer> durations;

	ExecutionMetrics(MeterRegistry registry) {
		this.executions = Counter.builder("timekeeper.executions")
			.description("Finished runs, by job group, job type and outcome")
			.withRegistry(registry);
		this.durations = Timer.builder("timekeeper.execution.duration")
			.description("How long runs take, by job group and job type")
			.withRegistry(registry);
	}

	void record(FinishedRun run) {
		this.executions.withTags("group", run.group(), "type", run.type(), "outcome", run.outcome().name()).increment();
		this.durations.withTags("group", run.group(), "type", run.type())
			.record(Duration.between(run.startedAt(), run.finishedAt()));
	}

}
