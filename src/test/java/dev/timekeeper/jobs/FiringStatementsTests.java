package dev.timekeeper.jobs;

import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

import dev.timekeeper.support.Postgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ScheduleBuilder;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.jdbcjobstore.Constants;
import org.quartz.impl.jdbcjobstore.PostgreSQLDelegate;
import org.quartz.impl.jdbcjobstore.StdJDBCConstants;
import org.quartz.impl.jdbcjobstore.StdJDBCDelegate;
import org.quartz.impl.jdbcjobstore.TriggerStatus;
import org.quartz.impl.triggers.SimpleTriggerImpl;
import org.quartz.simpl.SimpleClassLoadHelper;
import org.quartz.spi.OperableTrigger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each batch statement of {@link FiringStatements} reads and writes exactly what the
 * Quartz delegate methods it stands for read and write, trigger by trigger, on H2 and on
 * PostgreSQL (skipped, saying why, when it is not reachable): two databases get the same
 * jobs and triggers, one is changed by Quartz's delegate and the other by the batch, and
 * their rows must then be the same. The same for {@link CompletionStatements} when the
 * runs end.
 */
class FiringStatementsTests {

	private static final long NOW = 1_700_000_000_000L;

	@Test
	void readsAndWritesWhatQuartzsDelegateDoesOnH2() throws Exception {
		String quartz = "jdbc:h2:mem:firing-quartz-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
		String ours = "jdbc:h2:mem:firing-ours-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
		migrate(quartz, "sa", "h2");
		migrate(ours, "sa", "h2");
		try (Connection a = DriverManager.getConnection(quartz, "sa", "");
				Connection b = DriverManager.getConnection(ours, "sa", "")) {
			compare(a, b, initialize(new StdJDBCDelegate()), initialize(new TimekeeperDelegates.Standard()));
		}
	}

	@Test
	void readsAndWritesWhatQuartzsDelegateDoesOnPostgresql() throws Exception {
		Postgres.assumeReachable();
		String quartz = "tk_firing_quartz_" + ProcessHandle.current().pid();
		String ours = "tk_firing_ours_" + ProcessHandle.current().pid();
		try {
			String quartzUrl = Postgres.freshDatabase(quartz);
			String oursUrl = Postgres.freshDatabase(ours);
			migrate(quartzUrl, Postgres.USER, "postgresql");
			migrate(oursUrl, Postgres.USER, "postgresql");
			try (Connection a = DriverManager.getConnection(quartzUrl, Postgres.USER, "");
					Connection b = DriverManager.getConnection(oursUrl, Postgres.USER, "")) {
				compare(a, b, initialize(new PostgreSQLDelegate()), initialize(new TimekeeperDelegates.PostgreSql()));
			}
		}
		finally {
			Postgres.drop(quartz);
			Postgres.drop(ours);
		}
	}

	private static <D extends StdJDBCDelegate & TimekeeperDelegates.Batching> void compare(Connection a, Connection b,
			StdJDBCDelegate quartz, D ours) throws Exception {
		List<OperableTrigger> triggers = seed(a, quartz);
		seed(b, quartz);
		FiringStatements batch = ours.firing();
		List<TriggerKey> keys = new ArrayList<>(triggers.stream().map(OperableTrigger::getKey).toList());
		keys.add(new TriggerKey("missing", "g1"));
		List<JobKey> jobs = new ArrayList<>(triggers.stream().map(OperableTrigger::getJobKey).distinct().toList());
		jobs.add(new JobKey("missing", "g1"));

		Map<TriggerKey, String> states = batch.selectTriggerStates(b, keys);
		for (TriggerKey key : keys) {
			String state = quartz.selectTriggerState(a, key);
			assertThat(states.get(key)).as("state of %s", key)
				.isEqualTo(Constants.STATE_DELETED.equals(state) ? null : state);
		}
		Map<JobKey, JobDetail> details = batch.selectJobDetails(b, jobs, new SimpleClassLoadHelper());
		Map<JobKey, Boolean> serial = batch.selectNonConcurrent(b, jobs);
		for (JobKey key : jobs) {
			JobDetail expected = quartz.selectJobDetail(a, key, new SimpleClassLoadHelper());
			if (expected == null) {
				assertThat(details).as("job %s", key).doesNotContainKey(key);
				assertThat(serial).as("job %s", key).doesNotContainKey(key);
				continue;
			}
			JobDetail actual = details.get(key);
			assertThat(actual).as("job %s", key).isNotNull();
			assertThat(actual.getJobClass()).isEqualTo(expected.getJobClass());
			assertThat(actual.isDurable()).isEqualTo(expected.isDurable());
			assertThat(actual.requestsRecovery()).isEqualTo(expected.requestsRecovery());
			assertThat(actual.getDescription()).isEqualTo(expected.getDescription());
			assertThat(actual.getJobDataMap().getWrappedMap()).isEqualTo(expected.getJobDataMap().getWrappedMap());
			assertThat(serial.get(key)).isEqualTo(expected.isConcurrentExecutionDisallowed());
		}

		Map<TriggerKey, OperableTrigger> read = batch.selectTriggers(b, keys);
		for (TriggerKey key : keys) {
			OperableTrigger expected = quartz.selectTrigger(a, key);
			assertThat(read.get(key)).as("trigger %s", key).usingRecursiveComparison().isEqualTo(expected);
		}

		List<Boolean> expectedUpdates = new ArrayList<>();
		for (TriggerKey key : keys) {
			expectedUpdates.add(quartz.updateTriggerStateFromOtherState(a, key, Constants.STATE_ACQUIRED,
					Constants.STATE_WAITING) > 0);
		}
		boolean[] updated = batch.updateTriggerStatesFromOtherState(b, keys, Constants.STATE_ACQUIRED,
				Constants.STATE_WAITING);
		for (int i = 0; i < keys.size(); i++) {
			assertThat(updated[i]).as("updated %s", keys.get(i)).isEqualTo(expectedUpdates.get(i));
		}
		assertThat(expectedUpdates).as("a telling case").contains(true, false);

		for (int i = 0; i < triggers.size(); i++) {
			triggers.get(i).setFireInstanceId("fire-" + i);
			quartz.insertFiredTrigger(a, triggers.get(i), Constants.STATE_ACQUIRED, null);
		}
		batch.insertFiredTriggers(b, triggers, Constants.STATE_ACQUIRED);
		assertSameRows(a, b);

		List<OperableTrigger> firing = triggers.subList(0, triggers.size() / 2);
		for (OperableTrigger trigger : firing) {
			quartz.updateFiredTrigger(a, trigger, Constants.STATE_EXECUTING,
					quartz.selectJobDetail(a, trigger.getJobKey(), new SimpleClassLoadHelper()));
		}
		batch.updateFiredTriggers(b, firing, Constants.STATE_EXECUTING, details);
		assertSameRows(a, b);

		// one trigger per job fires, as in the store; the firing triggers are written
		// again below, so the rows are compared after that
		Map<JobKey, OperableTrigger> oncePerJob = new LinkedHashMap<>();
		firing.forEach((trigger) -> oncePerJob.putIfAbsent(trigger.getJobKey(), trigger));
		List<OperableTrigger> firingSerial = oncePerJob.values()
			.stream()
			.filter((trigger) -> Boolean.TRUE.equals(serial.get(trigger.getJobKey())))
			.toList();
		List<JobKey> serialJobs = firingSerial.stream().map(OperableTrigger::getJobKey).toList();
		for (JobKey job : serialJobs) {
			quartz.updateTriggerStatesForJobFromOtherState(a, job, Constants.STATE_BLOCKED, Constants.STATE_WAITING);
			quartz.updateTriggerStatesForJobFromOtherState(a, job, Constants.STATE_BLOCKED, Constants.STATE_ACQUIRED);
			quartz.updateTriggerStatesForJobFromOtherState(a, job, Constants.STATE_PAUSED_BLOCKED,
					Constants.STATE_PAUSED);
		}
		batch.blockTriggersOfJobs(b, firingSerial);

		Map<OperableTrigger, String> stored = new LinkedHashMap<>();
		for (OperableTrigger fired : oncePerJob.values()) {
			String state = serial.get(fired.getJobKey()) ? Constants.STATE_BLOCKED : Constants.STATE_WAITING;
			OperableTrigger quartzCopy = quartz.selectTrigger(a, fired.getKey());
			quartzCopy.triggered(null);
			quartz.updateTrigger(a, quartzCopy, state, details.get(fired.getJobKey()));
			OperableTrigger ourCopy = read.get(fired.getKey());
			ourCopy.triggered(null);
			if (fired == firing.get(0)) {
				// changed data is written by Quartz's own statement
				quartzCopy.getJobDataMap().put(QuartzJob.ATTEMPT, "7");
				quartz.updateTrigger(a, quartzCopy, state, details.get(fired.getJobKey()));
				ourCopy.getJobDataMap().put(QuartzJob.ATTEMPT, "7");
			}
			if (FiringStatements.isPlain(ourCopy)) {
				stored.put(ourCopy, state);
			}
			else {
				ours.updateTrigger(b, ourCopy, state, details.get(fired.getJobKey()));
			}
		}
		assertThat(stored).as("a telling case").hasSizeBetween(1, oncePerJob.size() - 1);
		batch.updateTriggers(b, stored);
		assertSameRows(a, b);
		for (String table : List.of("QRTZ_TRIGGERS", "QRTZ_SIMPLE_TRIGGERS", "QRTZ_CRON_TRIGGERS")) {
			String all = "SELECT * FROM " + table + " ORDER BY TRIGGER_GROUP, TRIGGER_NAME";
			assertThat(rows(b, all)).as(table).isEqualTo(rows(a, all));
		}
		assertThat(rows(b, "SELECT TRIGGER_STATE FROM QRTZ_TRIGGERS")).as("a telling case")
			.contains(List.of(Constants.STATE_BLOCKED), List.of(Constants.STATE_PAUSED_BLOCKED),
					List.of(Constants.STATE_ACQUIRED));

		complete(a, b, quartz, ours.completion(), firing, serialJobs);
	}

	/**
	 * Then the runs end: Quartz's {@code triggeredJobComplete} statements for a finished
	 * trigger (deleted when its row says it has no next fire; the store deletes it with
	 * the same statements as it fires), a serial job (its triggers unblocked) and every
	 * run (its fired-trigger row deleted).
	 */
	private static void complete(Connection a, Connection b, StdJDBCDelegate quartz, CompletionStatements batch,
			List<OperableTrigger> ended, List<JobKey> serialJobs) throws Exception {
		try (Statement finish = a.createStatement(); Statement finishToo = b.createStatement()) {
			String sql = "UPDATE QRTZ_TRIGGERS SET NEXT_FIRE_TIME = -1 WHERE TRIGGER_NAME IN ('t-1', 't-3')";
			finish.executeUpdate(sql);
			finishToo.executeUpdate(sql);
		}
		List<TriggerKey> keys = new ArrayList<>(ended.stream().map(OperableTrigger::getKey).toList());
		keys.add(new TriggerKey("missing", "g0"));
		List<TriggerKey> finished = new ArrayList<>();
		for (TriggerKey key : keys) {
			TriggerStatus status = quartz.selectTriggerStatus(a, key);
			if (status != null && status.getNextFireTime() == null) {
				finished.add(key);
				quartz.deleteTrigger(a, key);
			}
		}
		assertThat(finished).as("a telling case").isNotEmpty();
		List<TriggerKey> cron = ended.stream()
			.filter((trigger) -> trigger instanceof CronTrigger && finished.contains(trigger.getKey()))
			.map(OperableTrigger::getKey)
			.toList();
		assertThat(cron).as("a telling case").hasSizeBetween(1, finished.size() - 1);
		batch.deleteTriggers(b, finished.stream().filter((key) -> !cron.contains(key)).toList(),
				StdJDBCConstants.DELETE_SIMPLE_TRIGGER);
		batch.deleteTriggers(b, cron, StdJDBCConstants.DELETE_CRON_TRIGGER);
		for (JobKey job : serialJobs) {
			quartz.updateTriggerStatesForJobFromOtherState(a, job, Constants.STATE_WAITING, Constants.STATE_BLOCKED);
			quartz.updateTriggerStatesForJobFromOtherState(a, job, Constants.STATE_PAUSED,
					Constants.STATE_PAUSED_BLOCKED);
		}
		batch.unblockTriggersOfJobs(b, serialJobs);
		for (OperableTrigger trigger : ended) {
			quartz.deleteFiredTrigger(a, trigger.getFireInstanceId());
		}
		batch.deleteFiredTriggers(b, ended.stream().map(OperableTrigger::getFireInstanceId).toList());
		assertSameRows(a, b);
		for (String table : List.of("QRTZ_SIMPLE_TRIGGERS", "QRTZ_CRON_TRIGGERS")) {
			String all = "SELECT * FROM " + table + " ORDER BY TRIGGER_GROUP, TRIGGER_NAME";
			assertThat(rows(b, all)).as(table).isEqualTo(rows(a, all));
		}
	}

	/**
	 * Six jobs in two groups (serial and not, with and without data, one name in both
	 * groups) and their triggers (simple and cron, with and without data) in every state
	 * a fire meets.
	 */
	private static List<OperableTrigger> seed(Connection connection, StdJDBCDelegate quartz) throws Exception {
		List<String> states = List.of(Constants.STATE_WAITING, Constants.STATE_WAITING, Constants.STATE_ACQUIRED,
				Constants.STATE_PAUSED, Constants.STATE_BLOCKED);
		List<OperableTrigger> triggers = new ArrayList<>();
		int n = 0;
		for (int j = 0; j < 6; j++) {
			String group = "g" + (j % 2);
			JobBuilder job = JobBuilder.newJob((j % 3 == 0) ? QuartzJob.class : QuartzJob.Serial.class)
				.withIdentity("job-" + (j / 2), group)
				.withDescription((j == 1) ? null : "job " + j)
				.storeDurably()
				.requestRecovery(j % 2 == 0);
			if (j != 2) {
				job.usingJobData(QuartzJob.TYPE, "noop").usingJobData(QuartzJob.PARAMS, "{\"n\":" + j + "}");
			}
			JobDetail detail = job.build();
			quartz.insertJobDetail(connection, detail);
			for (int t = 0; t < 3; t++, n++) {
				ScheduleBuilder<? extends Trigger> schedule = (t < 2)
						? SimpleScheduleBuilder.simpleSchedule().withRepeatCount(t).withIntervalInSeconds(n + 1)
						: CronScheduleBuilder.cronSchedule("0/" + (n + 1) + " * * * * ?")
							.inTimeZone(TimeZone.getTimeZone("Europe/Paris"));
				TriggerBuilder<? extends Trigger> builder = TriggerBuilder.newTrigger()
					.withIdentity("t-" + (n % 7), group + "-" + (n / 7))
					.forJob(detail)
					.startAt(new Date(NOW + n * 1000L))
					.withPriority(n % 4)
					.withSchedule(schedule);
				if (n % 5 == 0) {
					builder.usingJobData(QuartzJob.ATTEMPT, String.valueOf(n));
				}
				OperableTrigger trigger = (OperableTrigger) builder.build();
				trigger.computeFirstFireTime(null);
				if (trigger instanceof SimpleTriggerImpl simple) {
					// fired before: the count is state that a read must restore
					simple.setTimesTriggered(n % 3);
				}
				quartz.insertTrigger(connection, trigger, states.get(n % states.size()), detail);
				triggers.add(trigger);
			}
		}
		return triggers;
	}

	private static void assertSameRows(Connection a, Connection b) throws Exception {
		String triggers = "SELECT TRIGGER_NAME, TRIGGER_GROUP, JOB_NAME, JOB_GROUP, TRIGGER_STATE, NEXT_FIRE_TIME"
				+ " FROM QRTZ_TRIGGERS ORDER BY TRIGGER_GROUP, TRIGGER_NAME";
		assertThat(rows(b, triggers)).isEqualTo(rows(a, triggers));
		// FIRED_TIME is "now" when each statement runs
		String fired = "SELECT ENTRY_ID, TRIGGER_NAME, TRIGGER_GROUP, INSTANCE_NAME, SCHED_TIME, PRIORITY, STATE,"
				+ " JOB_NAME, JOB_GROUP, IS_NONCONCURRENT, REQUESTS_RECOVERY FROM QRTZ_FIRED_TRIGGERS ORDER BY ENTRY_ID";
		assertThat(rows(b, fired)).isEqualTo(rows(a, fired));
		assertThat(rows(b, "SELECT TRIGGER_STATE FROM QRTZ_TRIGGERS")).as("a telling case").isNotEmpty();
	}

	private static List<List<Object>> rows(Connection connection, String sql) throws Exception {
		List<List<Object>> rows = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			int columns = result.getMetaData().getColumnCount();
			while (result.next()) {
				List<Object> row = new ArrayList<>();
				for (int i = 1; i <= columns; i++) {
					row.add(comparable(result.getObject(i)));
				}
				rows.add(row);
			}
		}
		return rows;
	}

	/**
	 * Numbers of any width as longs, binary data (job data as properties text) as its
	 * lines without comments: {@code Properties.store} writes the time as one.
	 */
	private static Object comparable(Object value) throws Exception {
		if (value instanceof Number number) {
			return number.longValue();
		}
		byte[] bytes = (value instanceof Blob blob) ? blob.getBytes(1, (int) blob.length()) : null;
		if (value instanceof byte[] array) {
			bytes = array;
		}
		if (bytes == null) {
			return value;
		}
		return new String(bytes, StandardCharsets.ISO_8859_1).lines().filter((line) -> !line.startsWith("#")).toList();
	}

	private static <D extends StdJDBCDelegate> D initialize(D delegate) throws Exception {
		delegate.initialize(LoggerFactory.getLogger(FiringStatementsTests.class), "QRTZ_", "timekeeper", "node-1",
				new SimpleClassLoadHelper(), true, null);
		return delegate;
	}

	private static void migrate(String url, String user, String vendor) {
		Flyway.configure().dataSource(url, user, "").locations("classpath:db/migration/" + vendor).load().migrate();
	}

}
