package dev.timekeeper.execution;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A recorded run, as the history API reads it. Rows are written by
 * {@link ExecutionInserts} with plain JDBC, never through this entity; ids come from a
 * sequence handed out in blocks, so that those inserts go to the database in batches.
 */
@Entity
@Table(name = "tk_execution")
class ExecutionEntity {

	@Id
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
