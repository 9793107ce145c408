package dev.timekeeper.validation;

import java.util.List;

/**
 * A request that names a thing correctly but asks for something invalid; it carries one
 * {@link FieldProblem} per field at fault.
 */
public class InvalidFieldsException extends RuntimeException {

	private final List<FieldProblem> problems;

	public InvalidFieldsException(List<FieldProblem> problems) {
		super(summary(problems));
		this.problems = List.copyOf(problems);
	}

	public static InvalidFieldsException of(String field, String message) {
		return new InvalidFieldsException(List.of(new FieldProblem(field, message)));
	}

	public List<FieldProblem> getProblems() {
		return this.problems;
	}

	private static String summary(List<FieldProblem> problems) {
		return problems.stream().map((problem) -> problem.field() + ": " + problem.message()).toList().toString();
	}

}
