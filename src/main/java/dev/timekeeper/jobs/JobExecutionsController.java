package dev.timekeeper.jobs;

import java.time.Instant;

import dev.timekeeper.execution.Execution;
import dev.timekeeper.execution.ExecutionFilter;
import dev.timekeeper.execution.ExecutionLog;
import dev.timekeeper.execution.Outcome;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.web.PagedModel;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** One job's execution history. */
@RestController
@RequestMapping(path = "/api/v1/jobs", produces = "application/json")
@Tag(name = "Executions")
class JobExecutionsController {

	private final JobQueries jobs;

	private final ExecutionLog executions;

	JobExecutionsController(JobQueries jobs, ExecutionLog executions) {
		this.jobs = jobs;
		this.executions = executions;
	}

	@GetMapping("/{group}/{name}/executions")
	@Operation(summary = "List a job's executions",
			description = "The job's runs, newest first; each attempt of a retried fire is its own execution.")
	@ApiResponse(responseCode = "404", description = "No such job",
			content = @Content(mediaType = "application/problem+json"))
	PagedModel<Execution> list(
			@PathVariable @Pattern(regexp = JobId.NAME_REGEX, message = JobId.NAME_MESSAGE) String group,
			@PathVariable @Pattern(regexp = JobId.NAME_REGEX, message = JobId.NAME_MESSAGE) String name,
			@RequestParam(required = false) @Nullable Outcome outcome,
			@Parameter(example = "2030-01-01T00:00:00Z") @RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant from,
			@Parameter(example = "2030-01-02T00:00:00Z") @RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant to,
			@RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(500) int size) {
		JobId id = new JobId(group, name);
		Instant since = this.jobs.createdAt(id).orElseThrow(() -> JobNotFoundException.forId(id));
		ExecutionFilter filter = new ExecutionFilter(group, name, outcome, from, to);
		// runs of an earlier job of the same name, recorded after it was deleted, are not
		// this job's
		if (to != null && !to.isAfter(since)) {
			return new PagedModel<>(Page.empty(PageRequest.of(page, size)));
		}
		if (from == null || from.isBefore(since)) {
			filter = new ExecutionFilter(group, name, outcome, since, to);
		}
		return new PagedModel<>(this.executions.page(filter, page, size));
	}

}
