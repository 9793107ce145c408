package dev.timekeeper.startup;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import dev.timekeeper.execution.ExecutionFilter;
import dev.timekeeper.execution.ExecutionLog;
import dev.timekeeper.jobs.JobBatches;
import dev.timekeeper.support.ApiTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The training run of the AOT cache fires its jobs, waits for every run to be recorded,
 * and only then exits, successfully.
 */
class AotTrainingTests extends ApiTestSupport {

	@Autowired
	private JobBatches batches;

	@Autowired
	private ExecutionLog executions;

	@Test
	void trainingFiresItsJobsAndExitsOnceEveryRunIsRecorded() {
		AtomicInteger exit = new AtomicInteger(-1);
		AtomicInteger recordedAtExit = new AtomicInteger(-1);
		AotTraining training = new AotTraining(new StartupProperties(true, 1500), this.batches, this.executions,
				(status) -> {
					recordedAtExit.set((int) runs());
					exit.set(status);
				});
		training.train();
		assertThat(exit).hasValue(0);
		assertThat(recordedAtExit).hasValue(1500);
		// a run's trigger is completed by a queue of its own, shortly after its run is
		// recorded
		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(this.api.get("/api/v1/jobs?group=" + AotTraining.GROUP + "&state=COMPLETE")
				.json()
				.path("page")
				.path("totalElements")
				.asLong()).isEqualTo(1500));
	}

	@Test
	void aNormalStartDoesNotTrain() {
		AtomicInteger exit = new AtomicInteger(-1);
		long before = runs();
		new AotTraining(new StartupProperties(true, 0), this.batches, this.executions, exit::set)
			.onApplicationEvent(null);
		// a training of no runs would exit at once
		await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> exit.get() == -1);
		assertThat(runs()).isEqualTo(before);
	}

	private long runs() {
		return this.executions.page(new ExecutionFilter(AotTraining.GROUP, null, null, null, null), 0, 1)
			.getTotalElements();
	}

}
