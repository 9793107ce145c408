package dev.timekeeper.validation;

/**
 * What is wrong with one field of a request.
 *
 * @param field the field's path in the request, such as {@code schedule.every} or
 * {@code params.duration}
 * @param message what is wrong, in words a client can act on
 */
public record FieldProblem(String field, String message) {

}
