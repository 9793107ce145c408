package dev.timekeeper.support;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.timekeeper.jobtypes.JobRun;
import dev.timekeeper.jobtypes.JobType;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A real job type, registered only in tests, that records every run under the key its
 * params give: tests see exactly when each job ran, without sleeping.
 */
public class RecordingJobType implements JobType<RecordingJobType.Params> {

	public static final String NAME = "recording";

	private final List<Run> runs = new CopyOnWriteArrayList<>();

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public String description() {
		return "Test type: records each run under params.key";
	}

	@Override
	public Class<Params> paramsType() {
		return Params.class;
	}

	@Override
	public Map<String, Object> run(Params params, JobRun run) throws InterruptedException {
		Instant started = Instant.now();
		if (params.duration() != null && params.duration().isPositive()) {
			Thread.sleep(params.duration());
		}
		this.runs.add(new Run(params.key(), started, Instant.now()));
		if (Boolean.TRUE.equals(params.error())) {
			throw new AssertionError("an Error from dev.timekeeper.support.RecordingJobType");
		}
		return Map.of("key", params.key());
	}

	/**
	 * The runs recorded under a key, in the order they finished.
	 * @param key the key a job's params gave
	 * @return its runs
	 */
	public List<Run> runs(String key) {
		return this.runs.stream().filter((run) -> run.key().equals(key)).toList();
	}

	/**
	 * Params of the recording type.
	 *
	 * @param key what the runs are recorded under (tests use the job's name)
	 * @param duration how long each run takes
	 * @param error whether each run ends by throwing an {@link Error}
	 */
	public record Params(String key, Duration duration, Boolean error) {

	}

	/**
	 * One recorded run.
	 *
	 * @param key the job's key
	 * @param startedAt when it started
	 * @param finishedAt when it finished
	 */
	public record Run(String key, Instant startedAt, Instant finishedAt) {

	}

	/** Registers the recording type in a test's application context. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Config {

		@Bean
		RecordingJobType recordingJobType() {
			return new RecordingJobType();
		}

	}

}
