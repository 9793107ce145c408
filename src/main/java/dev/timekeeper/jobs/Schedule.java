package dev.timekeeper.jobs;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.swagger.v3.oas.annotations.media.DiscriminatorMapping;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * When a job fires. {@code kind} says which of the four schedules it is.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({ @JsonSubTypes.Type(value = IntervalSchedule.class, name = "interval"),
		@JsonSubTypes.Type(value = CronSchedule.class, name = "cron"),
		@JsonSubTypes.Type(value = OnceSchedule.class, name = "once"),
		@JsonSubTypes.Type(value = DailySchedule.class, name = "daily") })
@Schema(description = "When the job fires; `kind` selects the schedule",
		oneOf = { IntervalSchedule.class, CronSchedule.class, OnceSchedule.class, DailySchedule.class },
		discriminatorProperty = "kind",
		discriminatorMapping = { @DiscriminatorMapping(value = "interval", schema = IntervalSchedule.class),
				@DiscriminatorMapping(value = "cron", schema = CronSchedule.class),
				@DiscriminatorMapping(value = "once", schema = OnceSchedule.class),
				@DiscriminatorMapping(value = "daily", schema = DailySchedule.class) })
public sealed interface Schedule permits IntervalSchedule, CronSchedule, OnceSchedule, DailySchedule {

}
