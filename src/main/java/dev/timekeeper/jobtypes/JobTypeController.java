package dev.timekeeper.jobtypes;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lists the job types with the JSON Schema of their {@code params}.
 */
@RestController
@RequestMapping("/api/v1/job-types")
@Tag(name = "Job types", description = "What a job can do, and the params each type takes")
class JobTypeController {

	private final JobTypes jobTypes;

	private final ParamsSchemas schemas;

	JobTypeController(JobTypes jobTypes, ParamsSchemas schemas) {
		this.jobTypes = jobTypes;
		this.schemas = schemas;
	}

	@GetMapping
	@Operation(summary = "List the job types",
			description = "Every type a job's `type` may name, with a JSON Schema (2020-12) of its `params`.")
	List<JobTypeView> list() {
		return this.jobTypes.all()
			.stream()
			.map((type) -> new JobTypeView(type.name(), type.description(), this.schemas.of(type.paramsType())))
			.toList();
	}

	/**
	 * One job type.
	 *
	 * @param name what a job's {@code type} says
	 * @param description what the type does
	 * @param paramsSchema JSON Schema of the type's {@code params}
	 */
	record JobTypeView(@Schema(example = "noop") String name, String description, @Schema(
			description = "JSON Schema (2020-12) of params",
			example = "{\"type\":\"object\",\"properties\":{\"duration\":{\"type\":\"string\",\"format\":\"duration\"}}}") Map<String, Object> paramsSchema) {

	}

}
