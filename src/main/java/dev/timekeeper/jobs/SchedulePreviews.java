package dev.timekeeper.jobs;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import dev.timekeeper.validation.ConstraintProblems;
import dev.timekeeper.validation.FieldProblem;
import dev.timekeeper.validation.InvalidFieldsException;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/** Shows when a schedule would fire, without creating a job. */
@Service
public class SchedulePreviews {

	static final int DEFAULT_COUNT = 10;

	private final Validator validator;

	private final Triggers triggers;

	SchedulePreviews(Validator validator, Triggers triggers) {
		this.validator = validator;
		this.triggers = triggers;
	}

	/**
	 * The next fire times of a schedule.
	 * @param request the schedule, its time zone and how many fire times
	 * @return the fire times, as instants and as local times in the zone
	 * @throws InvalidFieldsException naming every field at fault
	 */
	public Preview preview(PreviewRequest request) {
		List<FieldProblem> problems = new ArrayList<>(ConstraintProblems.of("", this.validator.validate(request)));
		ZoneId zone = ZoneId.of(JobDefinitions.zone(request.timeZone(), problems));
		if (!problems.isEmpty()) {
			throw new InvalidFieldsException(problems);
		}
		int count = (request.count() != null) ? request.count() : DEFAULT_COUNT;
		List<Instant> fireTimes = this.triggers.preview(request.schedule(), zone, count);
		return new Preview(zone.getId(), fireTimes,
				fireTimes.stream().map((instant) -> ZonedDateTime.ofInstant(instant, zone).toString()).toList());
	}

	/**
	 * What to preview.
	 *
	 * @param schedule the schedule, as a job would give it
	 * @param timeZone IANA zone for cron and daily schedules ({@code UTC} when absent)
	 * @param count how many fire times, 1 to 100 (10 when absent)
	 */
	@Schema(description = "A schedule to preview")
	public record PreviewRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @NotNull @Valid Schedule schedule,
			@Schema(example = "Europe/Paris", defaultValue = "UTC") @Size(max = 64) @Nullable String timeZone,
			@Schema(example = "5", defaultValue = "10") @Min(1) @Max(100) @Nullable Integer count) {

	}

	/**
	 * The fire times of a schedule.
	 *
	 * @param timeZone the zone the local times are in
	 * @param fireTimes the next fire times, as instants
	 * @param localFireTimes the same fire times in the zone, with offset and zone
	 */
	@Schema(description = "The next fire times of a schedule")
	public record Preview(String timeZone, List<Instant> fireTimes, @ArraySchema(
			schema = @Schema(example = "2030-01-01T10:00+01:00[Europe/Paris]")) List<String> localFireTimes) {

	}

}
