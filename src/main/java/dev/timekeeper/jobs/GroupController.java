package dev.timekeeper.jobs;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Pauses and resumes every job of a group at once. */
@RestController
@RequestMapping("/api/v1/groups/{group}")
@Tag(name = "Groups", description = "Every job of a group at once")
class GroupController {

	private final JobCommands commands;

	GroupController(JobCommands commands) {
		this.commands = commands;
	}

	@PostMapping("/pause")
	@Operation(summary = "Pause a group", description = "Pauses every job now in the group; 404 when it has none.")
	GroupResult pause(@PathVariable @Pattern(regexp = JobId.NAME_REGEX, message = JobId.NAME_MESSAGE) String group) {
		return new GroupResult(group, this.commands.pauseGroup(group));
	}

	@PostMapping("/resume")
	@Operation(summary = "Resume a group", description = "Resumes every job in the group; 404 when it has none.")
	GroupResult resume(@PathVariable @Pattern(regexp = JobId.NAME_REGEX, message = JobId.NAME_MESSAGE) String group) {
		return new GroupResult(group, this.commands.resumeGroup(group));
	}

	/**
	 * What a group operation touched.
	 *
	 * @param group the group
	 * @param jobs how many jobs it holds
	 */
	record GroupResult(String group, long jobs) {

	}

}
