package dev.timekeeper.jobs;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Creates many jobs in one request and one transaction, for imports and provisioning: a
 * thousand jobs cost one round trip and one commit instead of a thousand of each. There
 * is no {@code Location}: the answer lists the jobs it created.
 */
@RestController
@RequestMapping("/api/v1/jobs")
@Tag(name = "Jobs")
class JobBatchController {

	private final JobBatches batches;

	JobBatchController(JobBatches batches) {
		this.batches = batches;
	}

	@PostMapping("/batch")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create many jobs",
			description = "Creates every job of the batch, or none: each is checked as POST /api/v1/jobs checks one, "
					+ "and a problem is named by its index (jobs[3].schedule.every). At most "
					+ "timekeeper.api.batch.max-jobs jobs (1000) and timekeeper.api.batch.max-request-size (1 MB).")
	@ApiResponse(responseCode = "201", description = "Created: the jobs' groups and names, in the order sent")
	@ApiResponse(responseCode = "400",
			description = "A job is invalid, or the batch is empty or too long; nothing " + "was created",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "409",
			description = "A job exists already, or the batch names one twice (listed in jobs); nothing was created",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "413", description = "The body is over the batch's size limit",
			content = @Content(mediaType = "application/problem+json"))
	JobBatchCreated create(
			@io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(schema = @Schema(implementation = JobBatchRequest.class),
							examples = @ExampleObject(name = "three",
									summary = "An interval, a cron and a one-shot job",
									value = JobExamples.BATCH))) @RequestBody JobBatchRequest request) {
		List<JobId> created = this.batches.create(request.jobs());
		return new JobBatchCreated(created.size(), created);
	}

}
