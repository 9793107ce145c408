package dev.timekeeper.jobs;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import dev.timekeeper.jobtypes.JobTypes;
import dev.timekeeper.validation.ConstraintProblems;
import dev.timekeeper.validation.FieldProblem;
import dev.timekeeper.validation.InvalidFieldsException;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Checks a {@link JobRequest} and turns it into the {@link JobSpec} that is stored: every
 * field at fault is named in one answer, and every default is filled in. What only the
 * trigger can tell (a schedule that never fires, a window that is already over) is
 * checked when {@link Triggers} builds it, inside the same transaction.
 */
@Component
class JobDefinitions {

	static final Duration MAX_JITTER = Duration.ofHours(1);

	private final Validator validator;

	private final JobTypes jobTypes;

	JobDefinitions(Validator validator, JobTypes jobTypes) {
		this.validator = validator;
		this.jobTypes = jobTypes;
	}

	/**
	 * Checks a request.
	 * @param pathId the group and name from the URL of a PUT, or {@code null} for a POST
	 * @param request what the client sent
	 * @return the job to store
	 * @throws InvalidFieldsException naming every field at fault
	 */
	JobSpec define(@Nullable JobId pathId, JobRequest request) {
		List<FieldProblem> problems = new ArrayList<>(ConstraintProblems.of("", this.validator.validate(request)));
		checkIdentity(pathId, request, problems);
		if (request.jitter() != null && (request.jitter().isNegative() || request.jitter().compareTo(MAX_JITTER) > 0)) {
			problems.add(new FieldProblem("jitter", "must be between PT0S and " + MAX_JITTER));
		}
		if (request.schedule() instanceof DailySchedule daily && daily.at() != null && daily.at().getNano() != 0) {
			problems.add(new FieldProblem("schedule.at", "must be HH:mm or HH:mm:ss"));
		}
		String timeZone = zone(request.timeZone(), problems);
		if (!problems.isEmpty()) {
			throw new InvalidFieldsException(problems);
		}
		JobSpec spec = new JobSpec((pathId != null) ? pathId.group() : group(request), name(pathId, request),
				request.type(), request.description(),
				this.jobTypes.normalize(request.type(),
						(request.params() != null) ? request.params() : new LinkedHashMap<>()),
				request.schedule(), request.startAt(), request.endAt(), timeZone,
				(request.misfirePolicy() != null) ? request.misfirePolicy() : MisfirePolicy.FIRE_NOW,
				Boolean.TRUE.equals(request.allowConcurrent()), request.jitter(), request.retry(), request.timeout());
		return spec;
	}

	private static void checkIdentity(@Nullable JobId pathId, JobRequest request, List<FieldProblem> problems) {
		if (pathId == null) {
			if (request.name() == null) {
				problems.add(new FieldProblem("name", "must not be null"));
			}
			return;
		}
		if (request.group() != null && !request.group().equals(pathId.group())) {
			problems.add(new FieldProblem("group", "must match the group in the path ('" + pathId.group() + "')"));
		}
		if (request.name() != null && !request.name().equals(pathId.name())) {
			problems.add(new FieldProblem("name", "must match the name in the path ('" + pathId.name() + "')"));
		}
	}

	private static String group(JobRequest request) {
		return (request.group() != null) ? request.group() : JobId.DEFAULT_GROUP;
	}

	private static String name(@Nullable JobId pathId, JobRequest request) {
		return (pathId != null) ? pathId.name() : request.name();
	}

	static String zone(@Nullable String timeZone, List<FieldProblem> problems) {
		if (timeZone == null) {
			return "UTC";
		}
		try {
			return ZoneId.of(timeZone).getId();
		}
		catch (DateTimeException ex) {
			problems.add(new FieldProblem("timeZone",
					"unknown time zone '" + timeZone + "'; use an IANA name such as Europe/Paris, or UTC"));
			return "UTC";
		}
	}

}
