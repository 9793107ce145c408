package dev.timekeeper.jobs;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What a batch created: each job's group and name, in the order of the request. Not the
 * full jobs, which would cost a query each; {@code GET /jobs?group=...} lists them.
 *
 * @param created how many jobs were created
 * @param jobs the jobs, in the order of the request
 */
@Schema(description = "The jobs a batch created, in the order of the request")
record JobBatchCreated(@Schema(example = "2") int created, List<JobId> jobs) {

}
