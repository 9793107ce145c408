package dev.timekeeper.jobtypes;

import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One kind of work a job can do. A new type is one Spring bean implementing this
 * interface: its {@code params} are bound to {@link #paramsType()} (a record, checked
 * with Bean Validation) and the same record is described to clients as a JSON Schema.
 *
 * @param <P> the type's parameter record
 */
public interface JobType<P> {

	/**
	 * The name jobs use in their {@code type} field.
	 * @return a short lower-case name
	 */
	String name();

	/**
	 * What the type does, for people reading {@code GET /job-types}.
	 * @return one sentence
	 */
	String description();

	/**
	 * The record that a job's {@code params} bind to.
	 * @return the parameter class
	 */
	Class<P> paramsType();

	/**
	 * Does the work once. A run that throws has failed; a run whose thread is interrupted
	 * should stop promptly.
	 * @param params the validated parameters
	 * @param run the job and fire this run belongs to
	 * @return the values the run produced (recorded as the execution's result)
	 * @throws Exception if the run failed
	 */
	Map<String, Object> run(P params, JobRun run) throws Exception;

	/**
	 * How long a run of this type may take when its job sets no {@code timeout}.
	 * @return the type's own timeout, or {@code null} for none
	 */
	default @Nullable Duration defaultTimeout() {
		return null;
	}

	/**
	 * Forgets what this type keeps for a job: called once the job is deleted, or replaced
	 * (with any type), so kept samples and published meters do not outlive it.
	 * @param group the job's group
	 * @param name the job's name
	 */
	default void release(String group, String name) {
	}

}
