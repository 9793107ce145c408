package dev.timekeeper.execution;

/**
 * A job's identity as the execution history knows it.
 *
 * @param group the job's group
 * @param name the job's name
 */
public record JobRef(String group, String name) {

}
