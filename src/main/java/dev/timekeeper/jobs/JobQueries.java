package dev.timekeeper.jobs;

import java.time.Instant;
import java.util.Optional;

import dev.timekeeper.jobs.JobViews.JobFilter;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads jobs as the API shows them. */
@Service
public class JobQueries {

	private final JobViews views;

	private final JobRepository repository;

	JobQueries(JobViews views, JobRepository repository) {
		this.views = views;
		this.repository = repository;
	}

	/**
	 * When a job was created, without reading the rest of it.
	 * @param id the job
	 * @return its creation time, if it exists
	 */
	@Transactional(readOnly = true)
	public Optional<Instant> createdAt(JobId id) {
		return this.repository.createdAt(id.group(), id.name());
	}

	/**
	 * One job as the API shows it. It is read in one statement (the job with its triggers
	 * and its last run), which needs no transaction of its own, so none is begun and no
	 * transaction advice runs (a caller's transaction is used when there is one).
	 * @param id the job
	 * @return the job, if it exists
	 */
	public Optional<JobView> find(JobId id) {
		return this.views.find(id);
	}

	/**
	 * A page of jobs.
	 * @param group only this group, when given
	 * @param type only this type, when given
	 * @param state only jobs in this state, when given
	 * @param page which page, how big, sorted how
	 * @return the page
	 */
	@Transactional(readOnly = true)
	public Page<JobView> list(@Nullable String group, @Nullable String type, @Nullable JobState state,
			PageRequest page) {
		return this.views.page(new JobFilter(group, type, state), page);
	}

}
