package dev.timekeeper.monitoring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.timekeeper.jobs.IntervalSchedule;
import dev.timekeeper.jobs.JobAlreadyExistsException;
import dev.timekeeper.jobs.JobCommands;
import dev.timekeeper.jobs.JobId;
import dev.timekeeper.jobs.JobQueries;
import dev.timekeeper.jobs.JobRequest;
import dev.timekeeper.jobs.MisfirePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * The classic pair, the host's {@code system} sampled every 3 s and its {@code network}
 * every second, and its {@code disk}s every minute, created in the group
 * {@code monitoring} when the service starts with no job at all: a new installation
 * publishes host metrics without a single API call. A store with any job is left as it
 * is, so jobs deleted or changed by users stay that way until every job is gone.
 * <p>
 * Instances of a cluster that start together may all find the store empty: each job is
 * created at most once (its group and name are unique in the database), and an instance
 * that finds it already created leaves it be.
 */
@Component
class DefaultMonitoringJobs implements ApplicationRunner {

	static final String GROUP = "monitoring";

	private static final String DESCRIPTION = "Created at first start (timekeeper.default-jobs.enabled)";

	static final List<JobRequest> JOBS = List.of(
			interval("system", "The host's CPU, load, memory and swap", Map.of(), Duration.ofSeconds(3)),
			interval("network", "Bytes, packets, errors and drops per network interface",
					Map.of("excludeInterfaces", List.of("veth.*", "docker.*", "br-.*")), Duration.ofSeconds(1)),
			interval("disk", "Space per file system, bytes read and written per disk",
					Map.of("excludeTypes", List.of("tmpfs")), Duration.ofMinutes(1)));

	private static final Logger logger = LoggerFactory.getLogger(DefaultMonitoringJobs.class);

	private final JobCommands commands;

	private final JobQueries queries;

	private final DefaultJobsProperties properties;

	DefaultMonitoringJobs(JobCommands commands, JobQueries queries, DefaultJobsProperties properties) {
		this.commands = commands;
		this.queries = queries;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) {
		createOnFirstStart();
	}

	/**
	 * Creates the default jobs when enabled and no job exists.
	 * @return the jobs this call created
	 */
	List<JobId> createOnFirstStart() {
		if (!this.properties.enabled() || !this.queries.list(null, null, null, PageRequest.of(0, 1)).isEmpty()) {
			return List.of();
		}
		List<JobId> created = new ArrayList<>();
		for (JobRequest job : JOBS) {
			JobId id = new JobId(GROUP, job.name());
			try {
				this.commands.create(job);
				created.add(id);
			}
			catch (JobAlreadyExistsException ex) {
				logger.debug("Default job {} was created by another instance", id);
			}
		}
		if (!created.isEmpty()) {
			logger.info("First start: created the monitoring jobs {} (timekeeper.default-jobs.enabled=false "
					+ "turns this off)", created);
		}
		return created;
	}

	private static JobRequest interval(String type, String description, Map<String, Object> params, Duration every) {
		return new JobRequest(GROUP, type, type, description + ". " + DESCRIPTION, params,
				new IntervalSchedule(every, null), null, null, null, MisfirePolicy.SKIP, null, null, null, null);
	}

}
