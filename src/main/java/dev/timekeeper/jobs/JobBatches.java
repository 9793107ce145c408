package dev.timekeeper.jobs;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.timekeeper.validation.FieldProblem;
import dev.timekeeper.validation.InvalidFieldsException;
import org.jspecify.annotations.Nullable;
import org.quartz.Trigger;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates many jobs in one transaction: all of them, or none. Each is checked as
 * {@link JobCommands#create} checks one, but the batch's writes are made together: one
 * existence query per group, the definitions inserted in JDBC batches, Quartz's rows
 * stored in one call, and one commit, after which the scheduler thread is told once.
 */
@Service
public class JobBatches {

	private final JobDefinitions definitions;

	private final Triggers triggers;

	private final JobRepository repository;

	private final QuartzJobs quartz;

	private final JsonMapper jsonMapper;

	private final Clock clock;

	private final int maxJobs;

	JobBatches(JobDefinitions definitions, Triggers triggers, JobRepository repository, QuartzJobs quartz,
			JsonMapper jsonMapper, Clock clock, JobBatchProperties properties) {
		this.definitions = definitions;
		this.triggers = triggers;
		this.repository = repository;
		this.quartz = quartz;
		this.jsonMapper = jsonMapper;
		this.clock = clock;
		this.maxJobs = properties.maxJobs();
	}

	/**
	 * Creates the jobs.
	 * @param requests the jobs, each as for a single create
	 * @return their ids, in the order given
	 * @throws InvalidFieldsException naming every field at fault as {@code jobs[i].field}
	 * @throws JobAlreadyExistsException naming the jobs that exist, or that the batch
	 * names more than once
	 */
	@Transactional
	public List<JobId> create(@Nullable List<@Nullable JobRequest> requests) {
		List<Defined> jobs = define(requests);
		List<JobId> ids = jobs.stream().map((job) -> job.spec().id()).toList();
		requireNew(ids);
		Instant now = this.clock.instant();
		Map<JobSpec, Trigger> scheduled = new LinkedHashMap<>();
		List<JobEntity> entities = new ArrayList<>(jobs.size());
		for (Defined job : jobs) {
			JobSpec spec = job.spec();
			entities.add(new JobEntity(spec.id(), spec.type(), this.jsonMapper.writeValueAsString(spec), now));
			scheduled.put(spec, job.trigger());
		}
		try {
			this.repository.saveAll(entities);
			this.repository.flush();
		}
		catch (DataIntegrityViolationException ex) {
			throw JobAlreadyExistsException.createdMeanwhile();
		}
		this.quartz.scheduleNew(scheduled);
		return ids;
	}

	/**
	 * Every job checked and its trigger built, before anything is written: all the
	 * problems of all the jobs in one answer.
	 */
	private List<Defined> define(@Nullable List<@Nullable JobRequest> requests) {
		if (requests == null || requests.isEmpty() || requests.size() > this.maxJobs) {
			throw InvalidFieldsException.of("jobs", (requests == null) ? "must not be null"
					: "must hold 1 to " + this.maxJobs + " jobs, not " + requests.size());
		}
		List<Defined> jobs = new ArrayList<>(requests.size());
		List<FieldProblem> problems = new ArrayList<>();
		for (int i = 0; i < requests.size(); i++) {
			String prefix = "jobs[" + i + "]";
			JobRequest request = requests.get(i);
			if (request == null) {
				problems.add(new FieldProblem(prefix, "must not be null"));
				continue;
			}
			try {
				JobSpec spec = this.definitions.define(null, request);
				jobs.add(new Defined(spec, this.triggers.build(spec)));
			}
			catch (InvalidFieldsException ex) {
				ex.getProblems()
					.forEach((problem) -> problems
						.add(new FieldProblem(prefix + "." + problem.field(), problem.message())));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidFieldsException(problems);
		}
		return jobs;
	}

	private void requireNew(List<JobId> ids) {
		Set<JobId> seen = new HashSet<>();
		Set<JobId> twice = new LinkedHashSet<>();
		Map<String, List<String>> byGroup = new LinkedHashMap<>();
		for (JobId id : ids) {
			if (!seen.add(id)) {
				twice.add(id);
			}
			byGroup.computeIfAbsent(id.group(), (group) -> new ArrayList<>()).add(id.name());
		}
		if (!twice.isEmpty()) {
			throw JobAlreadyExistsException.duplicatedInBatch(List.copyOf(twice));
		}
		List<JobId> existing = new ArrayList<>();
		byGroup.forEach((group, names) -> this.repository.existingNames(group, names)
			.forEach((name) -> existing.add(new JobId(group, name))));
		if (!existing.isEmpty()) {
			throw JobAlreadyExistsException.forIds(existing);
		}
	}

	/**
	 * A job checked, with its trigger.
	 *
	 * @param spec the job
	 * @param trigger its trigger
	 */
	private record Defined(JobSpec spec, Trigger trigger) {

	}

}
