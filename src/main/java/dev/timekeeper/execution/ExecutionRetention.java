package dev.timekeeper.execution;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.IntSupplier;

import dev.timekeeper.execution.ExecutionProperties.Retention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies the retention policy in the background: executions older than the maximum age,
 * those of deleted jobs, and a job's executions beyond its newest {@code maxPerJob}, are
 * deleted in bounded batches, one short transaction each, so a purge never holds long
 * locks against the writer. Safe to run on every node of a cluster at once.
 */
@Component
class ExecutionRetention {

	private static final Logger logger = LoggerFactory.getLogger(ExecutionRetention.class);

	private static final String DELETE_OLD = """
			DELETE FROM TK_EXECUTION WHERE ID IN (
			  SELECT ID FROM TK_EXECUTION WHERE STARTED_AT < :cutoff FETCH FIRST :batch ROWS ONLY)""";

	/**
	 * Runs of deleted jobs: a run still in progress when its job was deleted is recorded
	 * after the job's history was deleted with it.
	 */
	private static final String DELETE_ORPHANS = """
			DELETE FROM TK_EXECUTION WHERE ID IN (
			  SELECT e.ID FROM TK_EXECUTION e WHERE NOT EXISTS (
			    SELECT 1 FROM TK_JOB j WHERE j.JOB_GROUP = e.JOB_GROUP AND j.JOB_NAME = e.JOB_NAME)
			  FETCH FIRST :batch ROWS ONLY)""";

	private static final String CROWDED_JOBS = """
			SELECT JOB_GROUP, JOB_NAME FROM TK_EXECUTION
			GROUP BY JOB_GROUP, JOB_NAME HAVING COUNT(*) > :max""";

	private static final String FIRST_SURPLUS = """
			SELECT STARTED_AT, ID FROM TK_EXECUTION WHERE JOB_GROUP = :group AND JOB_NAME = :name
			ORDER BY STARTED_AT DESC, ID DESC OFFSET :max ROWS FETCH NEXT 1 ROWS ONLY""";

	private static final String DELETE_SURPLUS = """
			DELETE FROM TK_EXECUTION WHERE ID IN (
			  SELECT ID FROM TK_EXECUTION WHERE JOB_GROUP = :group AND JOB_NAME = :name
			    AND (STARTED_AT < :started OR (STARTED_AT = :started AND ID <= :id))
			  FETCH FIRST :batch ROWS ONLY)""";

	private final Retention retention;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	ExecutionRetention(ExecutionProperties properties, JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
		this.retention = properties.retention();
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${timekeeper.executions.retention.interval:PT1M}",
			fixedDelayString = "${timekeeper.executions.retention.interval:PT1M}")
	void purgeOnSchedule() {
		Purged purged = purge();
		if (purged.total() > 0) {
			logger.info("Retention deleted {} execution(s) older than {}, {} of deleted jobs and {} beyond {} per job",
					purged.tooOld(), this.retention.maxAge(), purged.orphans(), purged.surplus(),
					this.retention.maxPerJob());
		}
	}

	/**
	 * Applies the policy once.
	 * @return how many executions it deleted
	 */
	Purged purge() {
		OffsetDateTime cutoff = OffsetDateTime.ofInstant(this.clock.instant().minus(this.retention.maxAge()),
				ZoneOffset.UTC);
		long tooOld = deleteInBatches(() -> this.jdbc.sql(DELETE_OLD)
			.param("cutoff", cutoff)
			.param("batch", this.retention.batchSize())
			.update());
		long orphans = deleteInBatches(
				() -> this.jdbc.sql(DELETE_ORPHANS).param("batch", this.retention.batchSize()).update());
		long surplus = 0;
		for (JobRef job : crowdedJobs()) {
			surplus += purgeSurplus(job);
		}
		return new Purged(tooOld, orphans, surplus);
	}

	private List<JobRef> crowdedJobs() {
		return this.jdbc.sql(CROWDED_JOBS)
			.param("max", this.retention.maxPerJob())
			.query((rs, row) -> new JobRef(rs.getString(1), rs.getString(2)))
			.list();
	}

	private long purgeSurplus(JobRef job) {
		List<Object[]> first = this.jdbc.sql(FIRST_SURPLUS)
			.param("group", job.group())
			.param("name", job.name())
			.param("max", this.retention.maxPerJob())
			.query((rs, row) -> new Object[] { rs.getObject(1, OffsetDateTime.class), rs.getLong(2) })
			.list();
		if (first.isEmpty()) {
			return 0;
		}
		return deleteInBatches(() -> this.jdbc.sql(DELETE_SURPLUS)
			.param("group", job.group())
			.param("name", job.name())
			.param("started", first.get(0)[0])
			.param("id", first.get(0)[1])
			.param("batch", this.retention.batchSize())
			.update());
	}

	private long deleteInBatches(IntSupplier delete) {
		long total = 0;
		int deleted;
		do {
			Integer rows = this.transactions.execute((status) -> delete.getAsInt());
			deleted = (rows != null) ? rows : 0;
			total += deleted;
		}
		while (deleted >= this.retention.batchSize());
		return total;
	}

	/**
	 * What one purge deleted.
	 *
	 * @param tooOld executions past the maximum age
	 * @param orphans executions of jobs that no longer exist
	 * @param surplus executions beyond a job's maximum count
	 */
	record Purged(long tooOld, long orphans, long surplus) {

		long total() {
			return this.tooOld + this.orphans + this.surplus;
		}

	}

}
