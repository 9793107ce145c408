package dev.timekeeper.jobs;

import java.time.Duration;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;

/**
 * How a fire whose run fails, times out or is interrupted is tried again. Each attempt is
 * its own execution; the first retry waits {@code backoff}, each next one twice as long.
 * Retries are Quartz triggers like any other, so they survive a restart and, in a
 * cluster, may run on another node.
 *
 * @param maxAttempts runs in all for one fire, the first included (1 means no retry)
 * @param backoff the wait before the first retry
 */
@Schema(description = "Retries of a failed run: at most maxAttempts runs per fire; waits backoff, then twice as long each time")
public record Retry(
		@Schema(example = "3", minimum = "1", maximum = "10",
				requiredMode = Schema.RequiredMode.REQUIRED) @NotNull @Min(1) @Max(10) Integer maxAttempts,
		@Schema(type = "string", format = "duration", example = "PT10S", defaultValue = "PT10S",
				description = "ISO-8601, PT1S to PT1H") @DurationMin(
						seconds = 1) @DurationMax(hours = 1) @Nullable Duration backoff) {

	static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(10);

	public Retry {
		backoff = (backoff != null) ? backoff : DEFAULT_BACKOFF;
	}

	/**
	 * How long to wait before an attempt.
	 * @param attempt the attempt about to be made, 2 or more
	 * @return the backoff doubled once per earlier retry
	 */
	Duration delayBefore(int attempt) {
		return this.backoff.multipliedBy(1L << Math.max(0, attempt - 2));
	}

}
