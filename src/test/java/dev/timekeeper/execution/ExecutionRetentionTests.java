package dev.timekeeper.execution;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.timekeeper.execution.ExecutionProperties.Retention;
import dev.timekeeper.support.ApiTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retention policy on the real database: it deletes executions past the maximum age
 * and beyond a job's newest {@code maxPerJob}, in batches, and nothing else.
 */
class ExecutionRetentionTests extends ApiTestSupport {

	private static final int MAX_PER_JOB = 10;

	@Autowired
	private ExecutionLog log;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TransactionTemplate transactions;

	@Test
	void retentionDeletesTooOldAndSurplusExecutionsAndNothingElse() throws InterruptedException {
		for (String name : List.of("aging", "crowded", "quiet")) {
			assertThat(this.api
				.put("/api/v1/jobs/retention/" + name,
						"{\"type\": \"noop\", \"schedule\": {\"kind\": \"cron\", \"expression\": \"@yearly\"}}")
				.status()).isEqualTo(201);
		}
		Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
		// runs of a job that was deleted, recorded after its history was deleted with it
		record("gone", 3, now.minus(Duration.ofMinutes(5)));
		// "aging": 5 runs 40 days old, 3 recent; "crowded": 14 recent; "quiet": 2 recent,
		// one of them 29 days old (inside the 30-day limit).
		record("aging", 5, now.minus(Duration.ofDays(40)));
		record("aging", 3, now.minus(Duration.ofMinutes(10)));
		record("crowded", 14, now.minus(Duration.ofHours(1)));
		record("quiet", 1, now.minus(Duration.ofDays(29)));
		record("quiet", 1, now.minus(Duration.ofMinutes(1)));
		assertThat(this.log.flush(10_000)).isTrue();
		Instant newestCrowdedKept = now.minus(Duration.ofHours(1)).plusSeconds(13);
		Instant oldestCrowdedKept = newestCrowdedKept.minusSeconds(MAX_PER_JOB - 1);

		// batches of 2 rows, so every delete loops
		ExecutionRetention retention = new ExecutionRetention(
				properties(new Retention(Duration.ofDays(30), MAX_PER_JOB, Duration.ofHours(1), 2)), this.jdbc,
				this.transactions, Clock.systemUTC());
		ExecutionRetention.Purged purged = retention.purge();

		Map<String, Long> left = counts();
		assertThat(left).containsEntry("aging", 3L)
			.containsEntry("crowded", (long) MAX_PER_JOB)
			.containsEntry("quiet", 2L);
		assertThat(purged.tooOld()).isGreaterThanOrEqualTo(5);
		assertThat(purged.surplus()).isGreaterThanOrEqualTo(4);
		assertThat(startedOf("crowded")).as("the newest are kept")
			.allSatisfy((started) -> assertThat(started).isBetween(oldestCrowdedKept, newestCrowdedKept));
		assertThat(startedOf("aging"))
			.allSatisfy((started) -> assertThat(started).isAfter(now.minus(Duration.ofDays(1))));

		// a second pass takes nothing more of these jobs
		retention.purge();
		assertThat(counts()).isEqualTo(left);
	}

	private void record(String name, int count, Instant from) {
		for (int i = 0; i < count; i++) {
			Instant started = from.plusSeconds(i);
			this.log.record(new FinishedRun("retention", name, "noop", "test-node", null, started, started,
					started.plusMillis(5), Outcome.SUCCESS, 1, null, Map.of("i", i)));
		}
	}

	private Map<String, Long> counts() {
		return this.jdbc
			.sql("SELECT JOB_NAME, COUNT(*) FROM TK_EXECUTION WHERE JOB_GROUP = 'retention' GROUP BY JOB_NAME")
			.query((rs, row) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.list()
			.stream()
			.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private java.util.List<Instant> startedOf(String name) {
		return this.jdbc.sql("SELECT STARTED_AT FROM TK_EXECUTION WHERE JOB_GROUP = 'retention' AND JOB_NAME = :name")
			.param("name", name)
			.query((rs, row) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant())
			.list();
	}

	private static ExecutionProperties properties(Retention retention) {
		return new ExecutionProperties(100, 100, retention, 100);
	}

}
