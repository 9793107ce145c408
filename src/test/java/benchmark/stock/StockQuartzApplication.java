package benchmark.stock;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Date;

import benchmark.BurstRun;
import javax.sql.DataSource;

import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The baseline of the burst benchmark, run by the harness in a JVM of its own (outside
 * {@code dev.timekeeper}, so that nothing of Timekeeper's is scanned): Spring Boot with
 * {@code spring-boot-starter-quartz} and {@code spring-boot-starter-jdbc} only, a JDBC
 * job store and Spring Boot's default Quartz settings. The jobs are scheduled through
 * Quartz's API; each run notes its start.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class StockQuartzApplication {

	public static void main(String[] args) throws Exception {
		BurstRun.Options options = BurstRun.Options.parse(args);
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(StockQuartzApplication.class)
			.run(options.rest().toArray(String[]::new))) {
			BurstRun.run(options, new QuartzJobs(context.getBean(Scheduler.class), context.getBean(DataSource.class)));
		}
		// Quartz's and Hikari's threads are gone with the context; exit says the run is
		// over even if a library left one behind
		System.exit(0);
	}

	/** The stock job: notes when it started, nothing else. */
	public static class NoteJob implements Job {

		@Override
		public void execute(JobExecutionContext context) {
			BurstRun.started();
		}

	}

	/**
	 * One job and one simple trigger per burst job, as an application using Quartz
	 * directly would schedule them.
	 */
	private record QuartzJobs(Scheduler scheduler, DataSource dataSource) implements BurstRun.Jobs {

		@Override
		public void created() throws SQLException {
			try (Connection connection = this.dataSource.getConnection()) {
				if (connection.getMetaData().getDatabaseProductName().equalsIgnoreCase("PostgreSQL")) {
					BurstRun.analyze(connection);
				}
			}
		}

		@Override
		public void create(String name, Instant due) throws SchedulerException {
			this.scheduler.scheduleJob(JobBuilder.newJob(NoteJob.class).withIdentity(name, "burst").build(),
					TriggerBuilder.newTrigger()
						.withIdentity(name, "burst")
						.startAt(Date.from(due))
						.withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
						.build());
		}

		@Override
		public void delete(String name) throws SchedulerException {
			this.scheduler.deleteJob(JobKey.jobKey(name, "burst"));
		}

	}

}
