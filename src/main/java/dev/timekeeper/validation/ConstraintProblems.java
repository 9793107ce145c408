package dev.timekeeper.validation;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;

/** Turns Bean Validation's violations into {@link FieldProblem}s, sorted by field. */
public final class ConstraintProblems {

	private ConstraintProblems() {
	}

	/**
	 * The problems of a validated object.
	 * @param prefix a path to put in front of each property path (such as
	 * {@code params.}), or empty
	 * @param violations what the validator found
	 * @return one problem per violation, sorted by field
	 */
	public static List<FieldProblem> of(String prefix, Set<? extends ConstraintViolation<?>> violations) {
		return violations.stream()
			.map((violation) -> new FieldProblem(prefix + path(violation), violation.getMessage()))
			.sorted(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message))
			.toList();
	}

	/**
	 * The client's path: without the validator's own nodes such as
	 * {@code <list element>}.
	 */
	private static String path(ConstraintViolation<?> violation) {
		return violation.getPropertyPath().toString().replaceAll("\\.?<[^>]*>", "");
	}

}
