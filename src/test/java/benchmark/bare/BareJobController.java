package benchmark.bare;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Timekeeper's {@code GET /api/v1/jobs/{group}/{name}} and {@code POST /api/v1/jobs} as a
 * bare application answers them: JSON in and out of the same shape, nothing stored.
 */
@RestController
@RequestMapping("/api/v1/jobs")
class BareJobController {

	private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");

	@GetMapping("/{group}/{name}")
	Job get(@PathVariable String group, @PathVariable String name) {
		return Job.of(group, name, Map.of("kind", "interval", "every", "PT24H"));
	}

	@PostMapping
	ResponseEntity<Job> create(@RequestBody NewJob job) {
		return ResponseEntity.created(URI.create("/api/v1/jobs/" + job.group() + "/" + job.name()))
			.body(Job.of(job.group(), job.name(), job.schedule()));
	}

	/**
	 * A job as a client sends it.
	 *
	 * @param group its group
	 * @param name its name
	 * @param type its type
	 * @param schedule its schedule
	 * @param startAt when it starts
	 */
	record NewJob(String group, String name, String type, Map<String, Object> schedule, Instant startAt) {

	}

	/**
	 * A job as Timekeeper shows one, in its fields' shape.
	 *
	 * @param group its group
	 * @param name its name
	 * @param type its type
	 * @param params its parameters
	 * @param schedule its schedule
	 * @param startAt when it starts
	 * @param timeZone its time zone
	 * @param misfirePolicy what it does about missed fires
	 * @param allowConcurrent whether runs may overlap
	 * @param state where it stands
	 * @param nextFireTime when it fires next
	 * @param createdAt when it was created
	 * @param updatedAt when it was last replaced
	 */
	record Job(String group, String name, String type, Map<String, Object> params, Map<String, Object> schedule,
			Instant startAt, String timeZone, String misfirePolicy, boolean allowConcurrent, String state,
			Instant nextFireTime, Instant createdAt, Instant updatedAt) {

		static Job of(String group, String name, Map<String, Object> schedule) {
			Instant start = Instant.parse("2100-01-01T00:00:00Z");
			return new Job(group, name, "noop", Map.of("duration", "PT0S", "fail", false), schedule, start, "UTC",
					"FIRE_NOW", false, "NORMAL", start, CREATED, CREATED);
		}

	}

}
