package dev.timekeeper.jobs;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import dev.timekeeper.validation.InvalidFieldsException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The jobs resource: create, replace, read, list, delete, pause, resume and run now.
 */
@RestController
@RequestMapping("/api/v1/jobs")
@Tag(name = "Jobs", description = "Scheduled jobs: what runs, and when")
class JobController {

	private final JobCommands commands;

	private final JobQueries queries;

	JobController(JobCommands commands, JobQueries queries) {
		this.commands = commands;
		this.queries = queries;
	}

	@PostMapping
	@Operation(summary = "Create a job", description = "Creates a job; 409 when its group and name are taken.")
	@ApiResponse(responseCode = "201", description = "Created; Location names the job")
	@ApiResponse(responseCode = "409", description = "A job with that group and name exists",
			content = @Content(mediaType = "application/problem+json"))
	ResponseEntity<JobView> create(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
			schema = @Schema(implementation = JobRequest.class),
			examples = { @ExampleObject(name = "interval", summary = "Every 30 seconds", value = JobExamples.INTERVAL),
					@ExampleObject(name = "cron", summary = "Quartz cron, weekdays 9-17 every 5 minutes, Paris time",
							value = JobExamples.CRON),
					@ExampleObject(name = "unix-cron", summary = "Unix crontab: 02:30 on weekdays",
							value = JobExamples.UNIX_CRON),
					@ExampleObject(name = "macro", summary = "@daily", value = JobExamples.MACRO),
					@ExampleObject(name = "once", summary = "Once, ten minutes from now", value = JobExamples.ONCE),
					@ExampleObject(name = "daily", summary = "Mondays at 12:00", value = JobExamples.DAILY),
					@ExampleObject(name = "retried", summary = "Retried twice with backoff, at most a minute a run",
							value = JobExamples.RETRIED) })) @RequestBody JobRequest request) {
		JobView job = this.commands.create(request);
		return ResponseEntity.created(location(job.id())).body(job);
	}

	@PutMapping("/{group}/{name}")
	@Operation(summary = "Create or replace a job",
			description = "Idempotent: 201 when the job is new, 200 when it replaced one. A paused job stays paused.")
	@ApiResponse(responseCode = "200", description = "Replaced")
	@ApiResponse(responseCode = "201", description = "Created")
	ResponseEntity<JobView> put(
			@Parameter(example = "examples") @PathVariable @Pattern(regexp = JobId.NAME_REGEX,
					message = JobId.NAME_MESSAGE) String group,
			@Parameter(example = "put-heartbeat") @PathVariable @Pattern(regexp = JobId.NAME_REGEX,
					message = JobId.NAME_MESSAGE) String name,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					schema = @Schema(implementation = JobRequest.class), examples = @ExampleObject(name = "interval",
							value = JobExamples.PUT))) @RequestBody JobRequest request) {
		JobCommands.Put put = this.commands.put(new JobId(group, name), request);
		return put.created() ? ResponseEntity.created(location(put.job().id())).body(put.job())
				: ResponseEntity.ok(put.job());
	}

	@GetMapping
	@Operation(summary = "List jobs",
			description = "Filters combine; sort by group, name, type, state, nextFireTime, createdAt or updatedAt, as `sort=name,desc`.")
	PagedModel<JobView> list(
			@RequestParam(required = false) @Pattern(regexp = JobId.NAME_REGEX,
					message = JobId.NAME_MESSAGE) @Nullable String group,
			@RequestParam(required = false) @Nullable String type,
			@RequestParam(required = false) @Nullable JobState state,
			@RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(500) int size,
			@Parameter(description = "property[,asc|desc]; repeatable",
					example = "name,desc") @RequestParam(required = false) @Nullable List<String> sort) {
		return new PagedModel<>(this.queries.list(group, type, state, PageRequest.of(page, size, sort(sort))));
	}

	@GetMapping("/{group}/{name}")
	@Operation(summary = "Get a job", description = "The job with its state, next and previous fire time.")
	@ApiResponse(responseCode = "404", description = "No such job",
			content = @Content(mediaType = "application/problem+json"))
	JobView get(@PathVariable @Pattern(regexp = JobId.NAME_REGEX, message = JobId.NAME_MESSAGE) String group,
			@PathVariable @Pattern(regexp = JobId.NAME_REGEX, message = JobId.NAME_MESSAGE) String name) {
		JobId id = new JobId(group, name);
		return this.queries.find(id).orElseThrow(() -> JobNotFoundException.forId(id));
	}

	@DeleteMapping("/{group}/{name}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a job", description = "A run in progress finishes.")
	@ApiResponse(responseCode = "204", description = "Deleted")
	@ApiResponse(responseCode = "404", description = "No such job",
			content = @Content(mediaType = "application/problem+json"))
	void delete(@PathVariable @Pattern(regexp = JobId.NAME_REGEX, message = JobId.NAME_MESSAGE) String group,
			@PathVariable @Pattern(regexp = JobId.NAME_REGEX, message = JobId.NAME_MESSAGE) String name) {
		this.commands.delete(new JobId(group, name));
	}

	@PostMapping("/{group}/{name}/pause")
	@Operation(summary = "Pause a job", description = "It stops firing on schedule until resumed.")
	JobView pause(@PathVariable @Pattern(regexp = JobId.NAME_REGEX, message = JobId.NAME_MESSAGE) String group,
			@PathVariable @Pattern(regexp = JobId.NAME_REGEX, message = JobId.NAME_MESSAGE) String name) {
		return this.commands.pause(new JobId(group, name));
	}

	@PostMapping("/{group}/{name}/resume")
	@Operation(summary = "Resume a job", description = "Fires missed while paused follow the job's misfire policy.")
	JobView resume(@PathVariable @Pattern(regexp = JobId.NAME_REGEX, message = JobId.NAME_MESSAGE) String group,
			@PathVariable @Pattern(regexp = JobId.NAME_REGEX, message = JobId.NAME_MESSAGE) String name) {
		return this.commands.resume(new JobId(group, name));
	}

	@PostMapping("/{group}/{name}/run")
	@Operation(summary = "Run a job now",
			description = "Fires once now, outside the schedule; a paused job runs and stays paused.")
	@ApiResponse(responseCode = "202", description = "Accepted: the run starts as soon as a thread is free")
	ResponseEntity<RunAccepted> run(
			@PathVariable @Pattern(regexp = JobId.NAME_REGEX, message = JobId.NAME_MESSAGE) String group,
			@PathVariable @Pattern(regexp = JobId.NAME_REGEX, message = JobId.NAME_MESSAGE) String name) {
		JobId id = new JobId(group, name);
		this.commands.runNow(id);
		return ResponseEntity.accepted().location(location(id)).body(new RunAccepted(group, name));
	}

	private static URI location(JobId id) {
		return ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/api/v1/jobs/{group}/{name}")
			.buildAndExpand(id.group(), id.name())
			.toUri();
	}

	private static Sort sort(@Nullable List<String> sort) {
		if (sort == null || sort.isEmpty()) {
			return Sort.unsorted();
		}
		List<Sort.Order> orders = new ArrayList<>();
		for (int i = 0; i < sort.size(); i++) {
			String[] parts = sort.get(i).split(",");
			String property = parts[0].trim();
			if ("asc".equalsIgnoreCase(property) || "desc".equalsIgnoreCase(property)) {
				continue;
			}
			boolean descending = (parts.length > 1 && "desc".equalsIgnoreCase(parts[1].trim()))
					|| (parts.length == 1 && i + 1 < sort.size() && "desc".equalsIgnoreCase(sort.get(i + 1).trim()));
			if (property.isEmpty() || parts.length > 2
					|| (parts.length == 2 && !parts[1].trim().matches("(?i)asc|desc"))) {
				throw InvalidFieldsException.of("sort", "must be property[,asc|desc]");
			}
			orders.add(descending ? Sort.Order.desc(property) : Sort.Order.asc(property));
		}
		return Sort.by(orders);
	}

	/**
	 * A run by hand was accepted.
	 *
	 * @param group the job's group
	 * @param name the job's name
	 */
	record RunAccepted(String group, String name) {

	}

}
