package dev.timekeeper.jobs;

import dev.timekeeper.jobs.SchedulePreviews.Preview;
import dev.timekeeper.jobs.SchedulePreviews.PreviewRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Shows when a schedule would fire, without creating a job. */
@RestController
@RequestMapping("/api/v1/schedules")
@Tag(name = "Schedules", description = "Try a schedule before using it")
class SchedulePreviewController {

	private final SchedulePreviews previews;

	SchedulePreviewController(SchedulePreviews previews) {
		this.previews = previews;
	}

	@PostMapping("/preview")
	@Operation(summary = "Preview a schedule",
			description = "The next fire times of a schedule, as a job created now would have them.")
	Preview preview(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
			schema = @Schema(implementation = PreviewRequest.class), examples = @ExampleObject(name = "unix-cron",
					value = JobExamples.PREVIEW))) @RequestBody PreviewRequest request) {
		return this.previews.preview(request);
	}

}
