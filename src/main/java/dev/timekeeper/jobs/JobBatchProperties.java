package dev.timekeeper.jobs;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of {@code POST /api/v1/jobs/batch}, beside the API's own
 * ({@code timekeeper.api.*}).
 *
 * @param maxJobs the most jobs one batch may create; a larger batch is refused with 400
 * (at most 10,000: one batch is one transaction, and its existence check one query per
 * group with a parameter per name)
 * @param maxRequestSize the largest batch body accepted, in place of
 * {@code timekeeper.api.max-request-size}; a larger one gets 413. A thousand typical jobs
 * take about 150 KB.
 */
@ConfigurationProperties("timekeeper.api.batch")
@Validated
public record JobBatchProperties(@DefaultValue("1000") @Min(1) @Max(10_000) int maxJobs,
		@DefaultValue("1MB") DataSize maxRequestSize) {

	/** The path these limits are for. */
	public static final String PATH = "/api/v1/jobs/batch";

}
