package benchmark.dbscheduler;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

import benchmark.BurstRun;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * db-scheduler (github.com/kagkarlsson/db-scheduler) in the burst benchmark, run by the
 * harness in a JVM of its own: its one-time tasks in its own {@code scheduled_tasks}
 * table (the definition its documentation gives), a Hikari pool with Hikari's defaults,
 * and the scheduler's defaults (10 threads, polling every 10 s) but for the polling
 * strategy on PostgreSQL, where it uses {@code SELECT ... FOR UPDATE SKIP LOCKED}
 * (lock-and-fetch with its own default limits), the strategy its documentation suggests
 * for high throughput there.
 * <p>
 * db-scheduler does not know when the next execution is due; it looks every polling
 * interval. At the due instant this child tells it to look
 * ({@code triggerCheckForDueExecutions()}, its documented way to "look early"), so the
 * figures are its best case, without up to one polling interval of waiting.
 */
public final class DbSchedulerBurst {

	private static final String POSTGRESQL_TABLE = """
			create table scheduled_tasks (
			  task_name text not null,
			  task_instance text not null,
			  task_data bytea,
			  execution_time timestamp with time zone not null,
			  picked BOOLEAN not null,
			  picked_by text,
			  last_success timestamp with time zone,
			  last_failure timestamp with time zone,
			  consecutive_failures INT,
			  last_heartbeat timestamp with time zone,
			  version BIGINT not null,
			  priority SMALLINT,
			  PRIMARY KEY (task_name, task_instance))""";

	/** The HSQLDB definition of its documentation, in H2's types. */
	private static final String H2_TABLE = """
			create table scheduled_tasks (
			  task_name varchar(100) not null,
			  task_instance varchar(100) not null,
			  task_data blob,
			  execution_time timestamp with time zone not null,
			  picked boolean not null,
			  picked_by varchar(50),
			  last_success timestamp with time zone,
			  last_failure timestamp with time zone,
			  consecutive_failures int,
			  last_heartbeat timestamp with time zone,
			  version bigint not null,
			  priority smallint,
			  primary key (task_name, task_instance))""";

	private static final String[] INDEXES = { "create index execution_time_idx on scheduled_tasks (execution_time)",
			"create index last_heartbeat_idx on scheduled_tasks (last_heartbeat)",
			"create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc)" };

	private DbSchedulerBurst() {
	}

	public static void main(String[] args) throws Exception {
		BurstRun.Options options = BurstRun.Options.parse(args);
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(options.get("url"));
		config.setUsername(options.get("username"));
		config.setPassword(options.get("password"));
		boolean postgresql = config.getJdbcUrl().startsWith("jdbc:postgresql:");
		try (HikariDataSource dataSource = new HikariDataSource(config)) {
			createTable(dataSource, postgresql);
			OneTimeTask<Void> task = Tasks.oneTime("burst").execute((instance, context) -> BurstRun.started());
			SchedulerBuilder builder = Scheduler.create(dataSource, task);
			if (postgresql) {
				builder.pollUsingLockAndFetch(0.5, 1.0);
			}
			Scheduler scheduler = builder.build();
			scheduler.start();
			try {
				BurstRun.run(options, new BurstRun.Jobs() {

					@Override
					public void create(String name, Instant due) {
						scheduler.schedule(task.instance(name), due);
					}

					@Override
					public void delete(String name) {
						scheduler.cancel(TaskInstanceId.of("burst", name));
					}

					@Override
					public void due() {
						scheduler.triggerCheckForDueExecutions();
					}

					@Override
					public void created() throws SQLException {
						if (postgresql) {
							try (Connection connection = dataSource.getConnection()) {
								BurstRun.analyze(connection);
							}
						}
					}

				});
			}
			finally {
				scheduler.stop();
			}
		}
		System.exit(0);
	}

	private static void createTable(HikariDataSource dataSource, boolean postgresql) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(postgresql ? POSTGRESQL_TABLE : H2_TABLE);
			for (String index : INDEXES) {
				statement.execute(index);
			}
		}
	}

}
