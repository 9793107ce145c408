package dev.timekeeper.execution;

import java.time.Instant;

import dev.timekeeper.validation.InvalidFieldsException;
import org.jspecify.annotations.Nullable;

/**
 * What a list of executions is narrowed to; each part is ignored when null.
 *
 * @param group only runs of jobs in this group
 * @param name only runs of jobs with this name
 * @param outcome only runs that ended this way
 * @param from only runs started at or after this instant
 * @param to only runs started before this instant
 */
public record ExecutionFilter(@Nullable String group, @Nullable String name, @Nullable Outcome outcome,
		@Nullable Instant from, @Nullable Instant to) {

	/**
	 * Checks the time window.
	 * @throws InvalidFieldsException if {@code from} is after {@code to}
	 */
	public ExecutionFilter {
		if (from != null && to != null && from.isAfter(to)) {
			throw InvalidFieldsException.of("from", "must not be after 'to'");
		}
	}

}
