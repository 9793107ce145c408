package dev.timekeeper.jobtypes;

import java.time.Duration;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.stereotype.Component;

/**
 * Does nothing for a while, then succeeds or fails as asked: for tests, benchmarks and
 * heartbeats.
 */
@Component
class NoopJobType implements JobType<NoopJobType.Params> {

	@Override
	public String name() {
		return "noop";
	}

	@Override
	public String description() {
		return "Waits for params.duration (default no time), then succeeds, or fails when params.fail is true.";
	}

	@Override
	public Class<Params> paramsType() {
		return Params.class;
	}

	@Override
	public Map<String, Object> run(Params params, JobRun run) throws InterruptedException, NoopFailureException {
		if (params.duration().isPositive()) {
			Thread.sleep(params.duration());
		}
		if (params.fail()) {
			throw new NoopFailureException();
		}
		return Map.of("sleptMs", params.duration().toMillis());
	}

	/**
	 * Parameters of the {@code noop} type; missing values take their defaults.
	 *
	 * @param duration how long a run takes (ISO-8601, at most a day)
	 * @param fail whether the run fails once it has waited
	 */
	record Params(
			@Schema(type = "string", format = "duration", example = "PT2S",
					description = "How long each run takes, ISO-8601, at most PT24H",
					defaultValue = "PT0S") @DurationMin(seconds = 0) @DurationMax(hours = 24) Duration duration,
			@Schema(description = "Whether each run fails after waiting", defaultValue = "false") Boolean fail) {

		Params {
			duration = (duration != null) ? duration : Duration.ZERO;
			fail = (fail != null) ? fail : Boolean.FALSE;
		}

	}

	/** The failure a {@code noop} job was asked for. */
	static class NoopFailureException extends JobFailedException {

		NoopFailureException() {
			super("noop job failed as asked (params.fail=true)");
		}

	}

}
