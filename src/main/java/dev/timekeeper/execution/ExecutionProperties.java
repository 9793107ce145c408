package dev.timekeeper.execution;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How executions are recorded and how long they are kept.
 *
 * @param queueCapacity runs waiting to be written; when it is full, the run's own worker
 * thread writes its record, so history is slowed rather than lost
 * @param batchSize the most runs written in one transaction
 * @param retention what is kept
 * @param metricsMaxGroups the most job groups that get series of their own in the
 * scheduler's metrics; runs of further groups are counted under {@code group="_other"}
 */
@Validated
@ConfigurationProperties("timekeeper.executions")
public record ExecutionProperties(@DefaultValue("10000") @Min(1) @Max(1_000_000) int queueCapacity,
		@DefaultValue("500") @Min(1) @Max(10_000) int batchSize, @DefaultValue @Valid Retention retention,
		@DefaultValue("100") @Min(1) @Max(10_000) int metricsMaxGroups) {

	/**
	 * The retention policy, applied in the background.
	 *
	 * @param maxAge executions that started longer ago than this are deleted
	 * @param maxPerJob at most this many of a job's newest executions are kept
	 * @param interval how often the policy is applied
	 * @param batchSize the most rows one delete statement removes, so a purge never holds
	 * long locks
	 */
	public record Retention(@DefaultValue("P30D") Duration maxAge,
			@DefaultValue("1000") @Min(1) @Max(10_000_000) int maxPerJob, @DefaultValue("PT1M") Duration interval,
			@DefaultValue("1000") @Min(1) @Max(100_000) int batchSize) {

	}

}
