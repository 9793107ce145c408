package dev.timekeeper.jobs;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A stored job definition. Its columns are the ones lists filter on; the rest of the
 * definition is one JSON document, so the API reads back exactly what it accepted.
 */
@Entity
@Table(name = "tk_job")
class JobEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "job_group", nullable = false, updatable = false)
	private String group;

	@Column(name = "job_name", nullable = false, updatable = false)
	private String name;

	@Column(name = "job_type", nullable = false)
	private String type;

	@Column(nullable = false)
	private String definition;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Version
	private long version;

	protected JobEntity() {
	}

	JobEntity(JobId id, String type, String definition, Instant now) {
		this.group = id.group();
		this.name = id.name();
		this.type = type;
		this.definition = definition;
		this.createdAt = now;
		this.updatedAt = now;
	}

	String type() {
		return this.type;
	}

	void replace(String type, String definition, Instant now) {
		this.type = type;
		this.definition = definition;
		this.updatedAt = now;
	}

}
