package dev.timekeeper.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import dev.timekeeper.execution.LastExecution;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A job as the API shows it: its definition, with every default filled in, and where it
 * stands in the scheduler.
 *
 * @param group the job's group
 * @param name the job's name
 * @param type the job type
 * @param description free text
 * @param params the type's parameters, defaults included
 * @param schedule when it fires
 * @param startAt it never fires before this
 * @param endAt it never fires after this
 * @param timeZone zone of cron and daily schedules
 * @param misfirePolicy what it does about missed fires
 * @param allowConcurrent whether runs may overlap
 * @param jitter the random delay added to each scheduled fire, at most
 * @param retry how failed runs are tried again, if at all
 * @param timeout the longest a run may take, when the job sets one
 * @param state where it stands
 * @param nextFireTime when it fires next, if ever
 * @param previousFireTime when its schedule last fired
 * @param createdAt when it was created
 * @param updatedAt when it was last replaced
 * @param lastExecution its most recent run, if any
 */
@Schema(description = "A job and where it stands")
public record JobView(String group, String name, String type, @Nullable String description, Map<String, Object> params,
		Schedule schedule, @Nullable Instant startAt, @Nullable Instant endAt, String timeZone,
		MisfirePolicy misfirePolicy, boolean allowConcurrent,
		@Schema(type = "string", format = "duration") @Nullable Duration jitter, @Nullable Retry retry,
		@Schema(type = "string", format = "duration") @Nullable Duration timeout, JobState state,
		@Nullable Instant nextFireTime, @Nullable Instant previousFireTime, Instant createdAt, Instant updatedAt,
		@Nullable LastExecution lastExecution) {

	static JobView of(JobSpec spec, JobState state, @Nullable Instant nextFireTime, @Nullable Instant previousFireTime,
			Instant createdAt, Instant updatedAt) {
		return new JobView(spec.group(), spec.name(), spec.type(), spec.description(), spec.params(), spec.schedule(),
				spec.startAt(), spec.endAt(), spec.timeZone(), spec.misfirePolicy(), spec.allowConcurrent(),
				spec.jitter(), spec.retry(), spec.timeout(), state, nextFireTime, previousFireTime, createdAt,
				updatedAt, null);
	}

	/**
	 * This view with the job's last run added; a job whose trigger is gone (a
	 * {@code once} job that ran) takes its previous fire time from that run.
	 * @param last the job's most recent execution
	 * @return the completed view
	 */
	JobView withLastExecution(LastExecution last) {
		Instant previous = (this.previousFireTime != null) ? this.previousFireTime : last.scheduledAt();
		return new JobView(this.group, this.name, this.type, this.description, this.params, this.schedule, this.startAt,
				this.endAt, this.timeZone, this.misfirePolicy, this.allowConcurrent, this.jitter, this.retry,
				this.timeout, this.state, this.nextFireTime, previous, this.createdAt, this.updatedAt, last);
	}

	/**
	 * The job's identity.
	 * @return group and name
	 */
	public JobId id() {
		return new JobId(this.group, this.name);
	}

}
