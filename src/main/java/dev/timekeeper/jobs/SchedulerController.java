package dev.timekeeper.jobs;

import dev.timekeeper.jobs.SchedulerControl.SchedulerStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The scheduler as a whole: its status, standby and start. */
@RestController
@RequestMapping("/api/v1/scheduler")
@Tag(name = "Scheduler", description = "The whole scheduler on this instance")
class SchedulerController {

	private final SchedulerControl control;

	SchedulerController(SchedulerControl control) {
		this.control = control;
	}

	@GetMapping
	@Operation(summary = "Scheduler status")
	SchedulerStatus status() {
		return this.control.status();
	}

	@PostMapping("/pause")
	@Operation(summary = "Pause the scheduler",
			description = "Standby: this instance fires nothing until resumed; runs in progress go on. Not kept across a restart.")
	SchedulerStatus pause() {
		return this.control.standby();
	}

	@PostMapping("/resume")
	@Operation(summary = "Resume the scheduler",
			description = "Fires missed meanwhile follow each job's misfire policy.")
	SchedulerStatus resume() {
		return this.control.start();
	}

}
