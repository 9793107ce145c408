package dev.timekeeper.execution;

import java.time.Instant;

import dev.timekeeper.validation.Names;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import org.springframework.data.web.PagedModel;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The execution history of every job. */
@RestController
@RequestMapping(path = "/api/v1/executions", produces = "application/json")
@Tag(name = "Executions", description = "The recorded runs of every job")
class ExecutionController {

	private final ExecutionLog log;

	ExecutionController(ExecutionLog log) {
		this.log = log;
	}

	@GetMapping
	@Operation(summary = "List executions",
			description = "All runs, newest first. Filters combine; `from` and `to` bound the start time (from inclusive, to exclusive).")
	PagedModel<Execution> list(
			@RequestParam(required = false) @Pattern(regexp = Names.REGEX,
					message = Names.MESSAGE) @Nullable String group,
			@RequestParam(required = false) @Pattern(regexp = Names.REGEX,
					message = Names.MESSAGE) @Nullable String name,
			@RequestParam(required = false) @Nullable Outcome outcome,
			@Parameter(example = "2030-01-01T00:00:00Z") @RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant from,
			@Parameter(example = "2030-01-02T00:00:00Z") @RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant to,
			@RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(500) int size) {
		return new PagedModel<>(this.log.page(new ExecutionFilter(group, name, outcome, from, to), page, size));
	}

	@GetMapping("/{id}")
	@Operation(summary = "Get an execution", description = "One run, with the result its type recorded.")
	@ApiResponse(responseCode = "404", description = "No such execution",
			content = @Content(mediaType = "application/problem+json"))
	Execution get(@PathVariable long id) {
		return this.log.find(id).orElseThrow(() -> ExecutionNotFoundException.forId(id));
	}

}
