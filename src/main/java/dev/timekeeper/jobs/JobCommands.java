package dev.timekeeper.jobs;

import java.time.Clock;

import dev.timekeeper.execution.ExecutionLog;
import dev.timekeeper.execution.JobRef;
import dev.timekeeper.jobtypes.JobTypes;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Every change to jobs. Each method is one transaction over the job definition and
 * Quartz's rows, so a failure leaves both as they were.
 */
@Service
public class JobCommands {

	private final JobDefinitions definitions;

	private final JobRepository repository;

	private final QuartzJobs quartz;

	private final JobViews views;

	private final JsonMapper jsonMapper;

	private final JobTypes jobTypes;

	private final ExecutionLog executions;

	private final Clock clock;

	JobCommands(JobDefinitions definitions, JobRepository repository, QuartzJobs quartz, JobViews views,
			JsonMapper jsonMapper, JobTypes jobTypes, ExecutionLog executions, Clock clock) {
		this.definitions = definitions;
		this.repository = repository;
		this.quartz = quartz;
		this.views = views;
		this.jsonMapper = jsonMapper;
		this.jobTypes = jobTypes;
		this.executions = executions;
		this.clock = clock;
	}

	/**
	 * Creates a job.
	 * @param request the job
	 * @return the created job
	 * @throws JobAlreadyExistsException if its group and name are taken
	 */
	@Transactional
	public JobView create(JobRequest request) {
		JobSpec spec = this.definitions.define(null, request);
		if (this.repository.exists(spec.group(), spec.name())) {
			throw JobAlreadyExistsException.forId(spec.id());
		}
		try {
			this.repository.saveAndFlush(new JobEntity(spec.id(), spec.type(), json(spec), this.clock.instant()));
		}
		catch (DataIntegrityViolationException ex) {
			throw JobAlreadyExistsException.forId(spec.id());
		}
		this.quartz.schedule(spec, false);
		return this.views.findCreated(spec.id()).orElseThrow(() -> JobNotFoundException.forId(spec.id()));
	}

	/**
	 * Creates a job or replaces the one with that group and name; a paused job stays
	 * paused.
	 * @param id the job's group and name
	 * @param request the job
	 * @return the job, and whether it was created
	 */
	@Transactional
	public Put put(JobId id, JobRequest request) {
		JobSpec spec = this.definitions.define(id, request);
		JobEntity entity = this.repository.find(id.group(), id.name()).orElse(null);
		boolean created = (entity == null);
		if (created) {
			entity = new JobEntity(id, spec.type(), json(spec), this.clock.instant());
		}
		else {
			releaseAfterCommit(entity.type(), id);
			entity.replace(spec.type(), json(spec), this.clock.instant());
		}
		this.repository.saveAndFlush(entity);
		this.quartz.schedule(spec, !created);
		return new Put(view(id), created);
	}

	/**
	 * Deletes a job and its execution history; a run in progress finishes (and its
	 * execution is left to the retention policy).
	 * @param id the job
	 */
	@Transactional
	public void delete(JobId id) {
		JobEntity entity = this.repository.find(id.group(), id.name())
			.orElseThrow(() -> JobNotFoundException.forId(id));
		this.repository.delete(id.group(), id.name());
		this.quartz.delete(id);
		this.executions.deleteJob(new JobRef(id.group(), id.name()));
		releaseAfterCommit(entity.type(), id);
	}

	@Transactional
	public JobView pause(JobId id) {
		requireJob(id);
		this.quartz.pause(id);
		return view(id);
	}

	@Transactional
	public JobView resume(JobId id) {
		requireJob(id);
		this.quartz.resume(id);
		return view(id);
	}

	/**
	 * Fires a job now, once, outside its schedule; a paused job runs and stays paused.
	 * @param id the job
	 */
	@Transactional
	public void runNow(JobId id) {
		// the job's row stays locked until the run's trigger is committed: a delete that
		// races this one waits and then removes that trigger with the job, or, if it came
		// first, this finds no job (404) instead of storing a trigger for a deleted job
		if (this.repository.lock(id.group(), id.name()).isEmpty()) {
			throw JobNotFoundException.forId(id);
		}
		this.quartz.runNow(id);
	}

	@Transactional
	public long pauseGroup(String group) {
		long jobs = requireGroup(group);
		this.quartz.pauseGroup(group);
		return jobs;
	}

	@Transactional
	public long resumeGroup(String group) {
		long jobs = requireGroup(group);
		this.quartz.resumeGroup(group);
		return jobs;
	}

	/**
	 * Lets the job's old type drop what it keeps for the job, once the change is
	 * committed (a rolled-back delete keeps its samples and meters).
	 */
	private void releaseAfterCommit(String type, JobId id) {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				JobCommands.this.jobTypes.release(type, id.group(), id.name());
			}
		});
	}

	private void requireJob(JobId id) {
		if (!this.repository.exists(id.group(), id.name())) {
			throw JobNotFoundException.forId(id);
		}
	}

	private long requireGroup(String group) {
		long jobs = this.repository.countInGroup(group);
		if (jobs == 0) {
			throw JobNotFoundException.forGroup(group);
		}
		return jobs;
	}

	private JobView view(JobId id) {
		return this.views.find(id).orElseThrow(() -> JobNotFoundException.forId(id));
	}

	private String json(JobSpec spec) {
		return this.jsonMapper.writeValueAsString(spec);
	}

	/**
	 * The outcome of a PUT.
	 *
	 * @param job the job as stored
	 * @param created whether it was new
	 */
	public record Put(JobView job, boolean created) {

	}

}
