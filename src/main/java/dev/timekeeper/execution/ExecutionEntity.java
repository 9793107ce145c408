package dev.timekeeper.execution;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A recorded run. Ids come from a sequence handed out in blocks, so that the writer's
 * inserts go to the database in JDBC batches (an identity column would force one round
 * trip per row).
 */
@Entity
@Table(name = "tk_execution")
class ExecutionEntity {

	private static final int MAX_ERROR = 2000;

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "tk_execution_seq")
	@SequenceGenerator(name = "tk_execution_seq", sequenceName = "tk_execution_seq", allocationSize = 50)
	private @Nullable Long id;

	@Column(name = "job_group", nullable = false)
	private String group;

	@Column(name = "job_name", nullable = false)
	private String name;

	@Column(name = "job_type", nullable = false)
	private String type;

	@Column(nullable = false)
	private String node;

	@Column(name = "fire_id")
	private @Nullable String fireId;

	@Column(name = "scheduled_at", nullable = false)
	private Instant scheduledAt;

	@Column(name = "started_at", nullable = false)
	private Instant startedAt;

	@Column(name = "finished_at", nullable = false)
	private Instant finishedAt;

	@Column(name = "duration_ms", nullable = false)
	private long durationMs;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Outcome outcome;

	@Column(nullable = false)
	private int attempt;

	private @Nullable String error;

	private @Nullable String result;

	@SuppressWarnings("NullAway.Init")
	protected ExecutionEntity() {
	}

	ExecutionEntity(FinishedRun run, @Nullable String result) {
		this.group = run.group();
		this.name = run.name();
		this.type = run.type();
		this.node = run.node();
		this.fireId = run.fireId();
		this.scheduledAt = run.scheduledAt();
		this.startedAt = run.startedAt();
		this.finishedAt = run.finishedAt();
		this.durationMs = Duration.between(run.startedAt(), run.finishedAt()).toMillis();
		this.outcome = run.outcome();
		this.attempt = run.attempt();
		this.error = abbreviate(run.error());
		this.result = result;
	}

	/** Fits an error in its column; NUL, which PostgreSQL refuses in text, is dropped. */
	private static @Nullable String abbreviate(@Nullable String error) {
		if (error == null) {
			return null;
		}
		String text = error.replace("\u0000", "");
		return (text.length() <= MAX_ERROR) ? text : text.substring(0, MAX_ERROR - 1) + "…";
	}

	@Nullable Long id() {
		return this.id;
	}

	String group() {
		return this.group;
	}

	String name() {
		return this.name;
	}

	String type() {
		return this.type;
	}

	String node() {
		return this.node;
	}

	Instant scheduledAt() {
		return this.scheduledAt;
	}

	Instant startedAt() {
		return this.startedAt;
	}

	Instant finishedAt() {
		return this.finishedAt;
	}

	long durationMs() {
		return this.durationMs;
	}

	Outcome outcome() {
		return this.outcome;
	}

	int attempt() {
		return this.attempt;
	}

	@Nullable String error() {
		return this.error;
	}

	@Nullable String result() {
		return this.result;
	}

}
