/**
 * Executions: every run of every job, recorded off the firing path, queried by the API,
 * purged by a retention policy, and counted as metrics.
 */
@NullMarked
package dev.timekeeper.execution;

import org.jspecify.annotations.NullMarked;
