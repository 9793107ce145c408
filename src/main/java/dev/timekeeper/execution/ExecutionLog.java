package dev.timekeeper.execution;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The execution history: records finished runs and answers questions about them.
 */
@Service
public class ExecutionLog {

	private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("startedAt"), Sort.Order.desc("id"));

	private static final String LATEST = """
			SELECT * FROM (
			  SELECT ID, JOB_GROUP, JOB_NAME, OUTCOME, SCHEDULED_AT, STARTED_AT, FINISHED_AT, ATTEMPT, ERROR,
			    ROW_NUMBER() OVER (PARTITION BY JOB_GROUP, JOB_NAME ORDER BY STARTED_AT DESC, ID DESC) AS RN
			  FROM TK_EXECUTION WHERE JOB_GROUP IN (:groups) AND JOB_NAME IN (:names)) x
			WHERE x.RN = 1""";

	private final ExecutionWriter writer;

	private final ExecutionMetrics metrics;

	private final ExecutionRepository repository;

	private final ExecutionResults results;

	private final JdbcClient jdbc;

	ExecutionLog(ExecutionWriter writer, ExecutionMetrics metrics, ExecutionRepository repository,
			ExecutionResults results, JdbcClient jdbc) {
		this.writer = writer;
		this.metrics = metrics;
		this.repository = repository;
		this.results = results;
		this.jdbc = jdbc;
	}

	/**
	 * Counts a finished run and queues it to be stored; returns without waiting for the
	 * database.
	 * @param run the run
	 */
	public void record(FinishedRun run) {
		this.metrics.record(run);
		this.writer.submit(run);
	}

	/**
	 * Waits until every run recorded so far is stored.
	 * @param timeoutMillis how long to wait at most
	 * @return whether all were stored in time
	 * @throws InterruptedException if interrupted while waiting
	 */
	public boolean flush(long timeoutMillis) throws InterruptedException {
		return this.writer.flush(timeoutMillis);
	}

	/**
	 * A page of executions, newest first.
	 * @param filter what to include
	 * @param page which page
	 * @param size its size
	 * @return the page
	 */
	@Transactional(readOnly = true)
	public Page<Execution> page(ExecutionFilter filter, int page, int size) {
		return this.repository.findAll(ExecutionRepository.matching(filter), PageRequest.of(page, size, NEWEST_FIRST))
			.map(this::execution);
	}

	@Transactional(readOnly = true)
	public Optional<Execution> find(long id) {
		return this.repository.findById(id).map(this::execution);
	}

	/**
	 * The most recent execution of each of the given jobs that has one.
	 * @param jobs the jobs
	 * @return their last executions
	 */
	@Transactional(readOnly = true)
	public Map<JobRef, LastExecution> latest(Collection<JobRef> jobs) {
		if (jobs.isEmpty()) {
			return Map.of();
		}
		return this.jdbc.sql(LATEST)
			.param("groups", jobs.stream().map(JobRef::group).distinct().toList())
			.param("names", jobs.stream().map(JobRef::name).distinct().toList())
			.query(ExecutionLog::latestRow)
			.stream()
			.filter((entry) -> jobs.contains(entry.getKey()))
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/**
	 * Deletes a job's history, in the caller's transaction.
	 * @param job the job
	 */
	@Transactional
	public void deleteJob(JobRef job) {
		this.repository.deleteJob(job.group(), job.name());
	}

	private Execution execution(ExecutionEntity e) {
		return new Execution(e.id(), e.group(), e.name(), e.type(), e.node(), e.scheduledAt(), e.startedAt(),
				e.finishedAt(), e.durationMs(), e.outcome(), e.attempt(), e.error(), this.results.read(e.result()));
	}

	private static Map.Entry<JobRef, LastExecution> latestRow(ResultSet rs, int row) throws SQLException {
		return Map.entry(new JobRef(rs.getString("JOB_GROUP"), rs.getString("JOB_NAME")),
				new LastExecution(rs.getLong("ID"), Outcome.valueOf(rs.getString("OUTCOME")),
						instant(rs, "SCHEDULED_AT"), instant(rs, "STARTED_AT"), instant(rs, "FINISHED_AT"),
						rs.getInt("ATTEMPT"), rs.getString("ERROR")));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

}
