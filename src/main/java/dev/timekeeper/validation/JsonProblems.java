package dev.timekeeper.validation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.InvalidTypeIdException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns a Jackson error into a {@link FieldProblem} in the client's terms: the field's
 * path and what was expected there, never a Java class name or a parser's internals.
 */
public final class JsonProblems {

	private JsonProblems() {
	}

	/**
	 * Describes a Jackson error.
	 * @param prefix a path to put in front of the field's own (such as {@code params}),
	 * or empty
	 * @param exception what Jackson threw
	 * @return the field at fault and what is wrong with it
	 */
	public static FieldProblem describe(String prefix, JacksonException exception) {
		String field = JsonPaths.of(prefix, exception);
		return new FieldProblem(field, message(exception));
	}

	private static String message(JacksonException exception) {
		if (exception instanceof UnrecognizedPropertyException unknown) {
			return "unknown field; known fields: " + names(unknown.getKnownPropertyIds());
		}
		if (exception instanceof InvalidTypeIdException typeId) {
			String id = typeId.getTypeId();
			return (id != null) ? "unknown value '" + id + "'" : "missing; it says which kind this is";
		}
		if (exception instanceof InvalidNullException) {
			return "must not be null";
		}
		if (exception instanceof InvalidFormatException format) {
			return "invalid value '" + format.getValue() + "'; expected " + expected(format.getTargetType());
		}
		if (exception instanceof MismatchedInputException mismatch) {
			return "wrong type; expected " + expected(mismatch.getTargetType());
		}
		if (exception instanceof StreamReadException) {
			TokenStreamLocation location = exception.getLocation();
			return (location != null)
					? "malformed JSON at line " + location.getLineNr() + ", column " + location.getColumnNr()
					: "malformed JSON";
		}
		return "invalid value";
	}

	/**
	 * What a value of a type looks like, in words.
	 * @param type the Java type a value binds to
	 * @return a description such as {@code an ISO-8601 duration such as PT5S}
	 */
	public static String expected(@Nullable Class<?> type) {
		if (type == null) {
			return "a value of another type";
		}
		if (type.isEnum()) {
			return "one of "
					+ Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
		}
		if (type == Duration.class) {
			return "an ISO-8601 duration such as PT5S";
		}
		if (type == Instant.class) {
			return "an ISO-8601 instant such as 2030-01-01T09:00:00Z";
		}
		if (type == LocalTime.class) {
			return "a time of day HH:mm or HH:mm:ss";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "true or false";
		}
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
			return "an integer";
		}
		if (type == String.class) {
			return "a string";
		}
		if (Collection.class.isAssignableFrom(type) || type.isArray()) {
			return "an array";
		}
		if (Map.class.isAssignableFrom(type) || type.isRecord()) {
			return "an object";
		}
		return "a value of another type";
	}

	private static String names(@Nullable Collection<Object> ids) {
		return (ids != null) ? ids.stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")) : "";
	}

}
