package benchmark.stock;

import java.time.Instant;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.quartz.Job;
import org.quartz.JobExecutionContext;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * The baseline of the benchmarks (outside {@code dev.timekeeper}, so that no Timekeeper
 * context scans it): Spring Boot with {@code spring-boot-starter-quartz} on a JDBC job
 * store and Spring Boot's default Quartz settings, nothing of Timekeeper's.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class StockQuartzApplication {

	/** Every run: when it was due and when it started. */
	public static final Queue<Fire> FIRES = new ConcurrentLinkedQueue<>();

	/**
	 * A run of the stock job.
	 *
	 * @param scheduledAt when its trigger was due
	 * @param startedAt when it started
	 */
	public record Fire(Instant scheduledAt, Instant startedAt) {

	}

	/** The stock job: does nothing but note when it ran. */
	public static class NoteJob implements Job {

		@Override
		public void execute(JobExecutionContext context) {
			FIRES.add(new Fire(context.getScheduledFireTime().toInstant(), Instant.now()));
		}

	}

}
