package dev.timekeeper.jobs;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * Jobs to create together, for {@code POST /jobs/batch}. Checked in {@link JobBatches},
 * where the limit on their number is known, so that every problem is named with its
 * index.
 *
 * @param jobs the jobs, each as for {@code POST /jobs}
 */
@Schema(description = "Jobs to create together: all of them, or none")
record JobBatchRequest(@ArraySchema(schema = @Schema(implementation = JobRequest.class), minItems = 1,
		arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
				description = "Each as for POST /api/v1/jobs, with a name; at most timekeeper.api.batch.max-jobs "
						+ "(1000 by default)")) @Nullable List<@Nullable JobRequest> jobs) {

}
