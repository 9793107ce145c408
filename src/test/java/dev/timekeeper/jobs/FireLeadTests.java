package dev.timekeeper.jobs;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.timekeeper.support.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.listeners.TriggerListenerSupport;
import org.quartz.spi.OperableTrigger;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Quartz's scheduler thread fires a batch of triggers a lead ahead of its time, so the
 * firing transaction is not on the runs' way; the runs still start at, and are recorded
 * for, their own time.
 */
class FireLeadTests extends ApiTestSupport {

	@Autowired
	private Scheduler scheduler;

	@Test
	void advanceMovesNextFireTimesEarlierAndRestoreGivesThemBack() {
		Date due = Date.from(Instant.parse("2026-11-25T12:00:00Z"));
		OperableTrigger trigger = (OperableTrigger) TriggerBuilder.newTrigger().startAt(due).build();
		trigger.setNextFireTime(due);
		FireLead lead = new FireLead(25);
		lead.advance(List.of(trigger));
		assertThat(trigger.getNextFireTime()).isEqualTo(new Date(due.getTime() - 25));
		lead.restore(List.of(trigger));
		assertThat(trigger.getNextFireTime()).isEqualTo(due);
	}

	@Test
	void aNegativeOrTooLongLeadIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new FireLead(-1)).withMessageContaining("-1");
		assertThatIllegalArgumentException().isThrownBy(() -> new FireLead(501)).withMessageContaining("501");
		assertThat(new FireLead(500).millis()).isEqualTo(500);
	}

	@Test
	void triggersAreFiredAheadOfTheirTimeAndRunAtIt() throws SchedulerException {
		Map<String, JobExecutionContext> fired = new ConcurrentHashMap<>();
		TriggerListenerSupport listener = new TriggerListenerSupport() {

			@Override
			public String getName() {
				return "fire-lead-tests";
			}

			@Override
			public void triggerFired(Trigger trigger, JobExecutionContext context) {
				if ("fire-lead".equals(trigger.getJobKey().getGroup())) {
					fired.put(trigger.getJobKey().getName(), context);
				}
			}

		};
		this.scheduler.getListenerManager().addTriggerListener(listener);
		try {
			// one job a second, so that each is a batch of its own
			Instant first = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
			StringBuilder jobs = new StringBuilder();
			for (int i = 0; i < 5; i++) {
				jobs.append((i > 0) ? "," : "").append("""
						{"group": "fire-lead", "name": "job-%d", "type": "noop",
						 "schedule": {"kind": "once", "at": "%s"}}""".formatted(i, first.plusSeconds(i)));
			}
			assertThat(this.api.post("/api/v1/jobs/batch", "{\"jobs\": [" + jobs + "]}").status()).isEqualTo(201);
			await().atMost(Duration.ofSeconds(30))
				.until(() -> this.api.get("/api/v1/executions?group=fire-lead").json().path("content").size() == 5);
			for (var execution : this.api.get("/api/v1/executions?group=fire-lead").json().path("content")) {
				int i = Integer.parseInt(execution.path("name").asString().substring("job-".length()));
				Instant due = first.plusSeconds(i);
				assertThat(Instant.parse(execution.path("scheduledAt").asString())).isEqualTo(due);
				// to the millisecond: the wait is timed by the monotonic clock, the start
				// read from the system's, which may be slewed meanwhile
				assertThat(Instant.parse(execution.path("startedAt").asString())).isAfterOrEqualTo(due.minusMillis(1));
				assertThat(fired.get("job-" + i).getScheduledFireTime().toInstant()).isEqualTo(due);
			}
			// Quartz's own thread fires no earlier than 2 ms before a trigger is due;
			// with the
			// lead, at least one of the five (normally all) is fired before that
			assertThat(fired.values()).anySatisfy((context) -> assertThat(context.getFireTime().getTime())
				.isLessThan(context.getScheduledFireTime().getTime() - 2));
		}
		finally {
			this.scheduler.getListenerManager().removeTriggerListener(listener.getName());
		}
	}

}
