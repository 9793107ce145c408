package dev.timekeeper.jobs;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dev.timekeeper.support.Postgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.quartz.TriggerKey;
import org.quartz.impl.jdbcjobstore.PostgreSQLDelegate;
import org.quartz.impl.jdbcjobstore.StdJDBCDelegate;
import org.quartz.simpl.SimpleClassLoadHelper;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Timekeeper's acquisition query picks exactly the triggers Quartz's own query picks, in
 * the same order, on H2 and on PostgreSQL (skipped, saying why, when it is not
 * reachable): due and not misfired, due and ignoring misfires, never misfired ones that
 * honour misfires, never triggers in another state or not yet due.
 */
class DueTriggersTests {

	private static final long NOW = 1_000_000_000L;

	private static final long MISFIRE_TIME = NOW - 5_000;

	@Test
	void acquiresWhatQuartzsQueryAcquiresOnH2() throws Exception {
		String url = "jdbc:h2:mem:due-triggers-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
		migrate(url, "sa", "h2");
		try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
			compare(connection, new StdJDBCDelegate(), new TimekeeperDelegates.Standard());
		}
	}

	@Test
	void acquiresWhatQuartzsQueryAcquiresOnPostgresql() throws Exception {
		Postgres.assumeReachable();
		String database = "tk_due_" + ProcessHandle.current().pid();
		String url = Postgres.freshDatabase(database);
		try {
			migrate(url, Postgres.USER, "postgresql");
			try (Connection connection = DriverManager.getConnection(url, Postgres.USER, "")) {
				compare(connection, new PostgreSQLDelegate(), new TimekeeperDelegates.PostgreSql());
			}
		}
		finally {
			Postgres.drop(database);
		}
	}

	private static void compare(Connection connection, StdJDBCDelegate quartz, StdJDBCDelegate ours) throws Exception {
		initialize(quartz);
		initialize(ours);
		insertTriggers(connection);
		for (int maxCount : List.of(1, 3, 10, 50, 500)) {
			for (long noLaterThan : List.of(MISFIRE_TIME - 1, NOW, NOW + 30_000)) {
				List<TriggerKey> expected = quartz.selectTriggerToAcquire(connection, noLaterThan, MISFIRE_TIME,
						maxCount);
				assertThat(ours.selectTriggerToAcquire(connection, noLaterThan, MISFIRE_TIME, maxCount))
					.as("maxCount %d, noLaterThan %d", maxCount, noLaterThan)
					.containsExactlyElementsOf(expected);
				assertThat(((TimekeeperDelegates.Batching) ours)
					.selectDueTriggers(connection, noLaterThan, MISFIRE_TIME, maxCount)
					.stream()
					.map(DueTriggers.Due::key))
					.as("with their times, maxCount %d, noLaterThan %d", maxCount, noLaterThan)
					.containsExactlyElementsOf(expected);
			}
		}
		assertThat(quartz.selectTriggerToAcquire(connection, NOW, MISFIRE_TIME, 500)).as("a telling case")
			.hasSizeGreaterThan(20);
	}

	@Test
	void aBatchIsCutWhereQuartzEndsIt() {
		List<DueTriggers.Due> due = List.of(due("a", NOW - 100), due("b", NOW - 60), due("c", NOW + 40),
				due("d", NOW + 51), due("e", NOW + 5_000));
		assertThat(DueTriggers.firstBatch(due, NOW, 50)).as("from now, when the first is late")
			.extracting(TriggerKey::getName)
			.containsExactly("a", "b", "c");
		assertThat(DueTriggers.firstBatch(due.subList(3, 5), NOW, 50)).as("from the first, when it is ahead")
			.extracting(TriggerKey::getName)
			.containsExactly("d");
		assertThat(DueTriggers.firstBatch(due.subList(3, 5), NOW, 5_000)).extracting(TriggerKey::getName)
			.containsExactly("d", "e");
		assertThat(DueTriggers.firstBatch(List.of(), NOW, 50)).isEmpty();
	}

	private static DueTriggers.Due due(String name, long nextFireTime) {
		return new DueTriggers.Due(new TriggerKey(name, "g"), nextFireTime, 5);
	}

	/**
	 * Triggers on both sides of the misfire time and of now, in several states, both
	 * misfire kinds, distinct fire times and priorities (so that the order is one).
	 */
	private static void insertTriggers(Connection connection) throws SQLException {
		try (PreparedStatement job = connection.prepareStatement("INSERT INTO QRTZ_JOB_DETAILS (SCHED_NAME, JOB_NAME,"
				+ " JOB_GROUP, JOB_CLASS_NAME, IS_DURABLE, IS_NONCONCURRENT, IS_UPDATE_DATA, REQUESTS_RECOVERY)"
				+ " VALUES ('timekeeper', 'job', 'g', 'x', TRUE, FALSE, FALSE, FALSE)")) {
			job.executeUpdate();
		}
		Random random = new Random(42);
		List<String> states = List.of("WAITING", "WAITING", "WAITING", "PAUSED", "ACQUIRED", "BLOCKED");
		List<Integer> misfireInstructions = List.of(-1, 0, 1, 2);
		try (PreparedStatement trigger = connection.prepareStatement("INSERT INTO QRTZ_TRIGGERS (SCHED_NAME,"
				+ " TRIGGER_NAME, TRIGGER_GROUP, JOB_NAME, JOB_GROUP, NEXT_FIRE_TIME, PRIORITY, TRIGGER_STATE,"
				+ " TRIGGER_TYPE, START_TIME, MISFIRE_INSTR) VALUES ('timekeeper', ?, 'g', 'job', 'g', ?, ?, ?,"
				+ " 'SIMPLE', 0, ?)")) {
			List<Long> used = new ArrayList<>();
			for (int i = 0; i < 400; i++) {
				long fireTime;
				do {
					fireTime = NOW - 20_000 + random.nextInt(60_000);
				}
				while (used.contains(fireTime));
				used.add(fireTime);
				trigger.setString(1, "t-" + i);
				trigger.setLong(2, fireTime);
				trigger.setInt(3, random.nextInt(10));
				trigger.setString(4, states.get(random.nextInt(states.size())));
				trigger.setInt(5, misfireInstructions.get(random.nextInt(misfireInstructions.size())));
				trigger.addBatch();
			}
			trigger.executeBatch();
		}
	}

	private static void initialize(StdJDBCDelegate delegate) throws Exception {
		delegate.initialize(LoggerFactory.getLogger(DueTriggersTests.class), "QRTZ_", "timekeeper", "test",
				new SimpleClassLoadHelper(), false, null);
	}

	private static void migrate(String url, String user, String vendor) {
		Flyway.configure().dataSource(url, user, "").locations("classpath:db/migration/" + vendor).load().migrate();
	}

}
