package dev.timekeeper.startup;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

import dev.timekeeper.execution.ExecutionFilter;
import dev.timekeeper.execution.ExecutionLog;
import dev.timekeeper.jobs.JobBatches;
import dev.timekeeper.jobs.JobRequest;
import dev.timekeeper.jobs.OnceSchedule;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * The training run of the JDK's ahead-of-time cache, when
 * {@code timekeeper.startup.training-runs} is above zero: once ready, it fires that many
 * one-shot {@code noop} jobs at once, waits until every run is recorded, and exits.
 * <p>
 * A cache made by a run that stops as soon as the context is refreshed holds the classes
 * of start-up and their profiles only. The firing path's are then gathered on the job:
 * the JIT compiler used about a third of a 2-core machine during a burst of 20,000 fires,
 * the scheduler thread's code among what it compiled. Trained on fires, the cache holds
 * their classes and profiles too, and the same burst ran about a third faster
 * (BENCHMARKS.md). The Dockerfile and the benchmark harness make their caches this way,
 * on a scratch H2 database.
 */
@Component
class AotTraining implements ApplicationListener<ApplicationReadyEvent> {

	static final String GROUP = "aot-training";

	private static final Log logger = LogFactory.getLog(AotTraining.class);

	/** The most jobs a batch create takes by default. */
	private static final int BATCH = 1000;

	private static final Duration TIMEOUT = Duration.ofMinutes(5);

	private static final Duration DUE_AFTER = Duration.ofSeconds(2);

	private final StartupProperties properties;

	private final JobBatches batches;

	private final ExecutionLog executions;

	private final IntConsumer exit;

	@Autowired
	AotTraining(StartupProperties properties, JobBatches batches, ExecutionLog executions, ApplicationContext context) {
		this(properties, batches, executions, (status) -> System.exit(SpringApplication.exit(context, () -> status)));
	}

	/**
	 * A training run that ends the given way.
	 * @param properties how many runs, none for no training
	 * @param batches where the jobs are created
	 * @param executions where their runs are counted
	 * @param exit given 0 when every run was recorded, 1 otherwise
	 */
	AotTraining(StartupProperties properties, JobBatches batches, ExecutionLog executions, IntConsumer exit) {
		this.properties = properties;
		this.batches = batches;
		this.executions = executions;
		this.exit = exit;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		if (this.properties.trainingRuns() > 0) {
			Thread.ofPlatform().name("aot-training").start(this::train);
		}
	}

	void train() {
		int runs = this.properties.trainingRuns();
		int status = 1;
		try {
			// each batch due shortly after it is created (a cold JVM creates the first
			// slowly): the batches fire one after the other, and together
			for (int first = 0; first < runs; first += BATCH) {
				List<JobRequest> jobs = new ArrayList<>();
				for (int i = first; i < Math.min(runs, first + BATCH); i++) {
					jobs.add(new JobRequest(GROUP, "run-" + i, "noop", null, null, new OnceSchedule(null, DUE_AFTER),
							null, null, null, null, null, null, null, null));
				}
				this.batches.create(jobs);
			}
			Instant deadline = Instant.now().plus(TIMEOUT);
			long recorded = 0;
			while (Instant.now().isBefore(deadline) && (recorded = recorded()) < runs) {
				Thread.sleep(100);
			}
			status = (recorded >= runs) ? 0 : 1;
			String outcome = "AOT training: " + recorded + " of " + runs + " runs recorded";
			if (status == 0) {
				logger.info(outcome);
			}
			else {
				// a build that logs warnings only must still say why it failed
				logger.warn(outcome + " within " + TIMEOUT);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			logger.error("AOT training failed", ex);
		}
		finally {
			// also after an Error: a training run that never exits would hang the build
			this.exit.accept(status);
		}
	}

	private long recorded() {
		return this.executions.page(new ExecutionFilter(GROUP, null, null, null, null), 0, 1).getTotalElements();
	}

}
