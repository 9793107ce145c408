package dev.timekeeper.web;

import java.util.List;
import java.util.Map;

import dev.timekeeper.execution.ExecutionNotFoundException;
import dev.timekeeper.jobs.JobAlreadyExistsException;
import dev.timekeeper.jobs.JobNotFoundException;
import dev.timekeeper.validation.FieldProblem;
import dev.timekeeper.validation.InvalidFieldsException;
import dev.timekeeper.validation.JsonProblems;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Answers every error as RFC 9457 Problem Details with a stable {@code type}; a 400 names
 * each field at fault in {@code errors}. Nothing internal (stack trace, SQL, class name)
 * reaches the client: unexpected errors are logged here and answered with a bare 500.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final java.net.URI ABOUT_BLANK = java.net.URI.create("about:blank");

	private static final Logger logger = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	@ExceptionHandler(InvalidFieldsException.class)
	ProblemDetail invalidFields(InvalidFieldsException ex) {
		return invalid(ex.getProblems());
	}

	@ExceptionHandler({ JobNotFoundException.class, ExecutionNotFoundException.class })
	ProblemDetail notFound(RuntimeException ex) {
		return problem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found", ex.getMessage());
	}

	@ExceptionHandler(JobAlreadyExistsException.class)
	ProblemDetail conflict(JobAlreadyExistsException ex) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "Already exists", ex.getMessage());
		if (!ex.getIds().isEmpty()) {
			problem.setProperty("jobs", ex.getIds());
		}
		return problem;
	}

	@ExceptionHandler(PayloadTooLargeException.class)
	ProblemDetail tooLarge(PayloadTooLargeException ex) {
		return problem(HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE, "Request body too large",
				ex.getMessage());
	}

	/**
	 * Raised by the security filter chain, which hands it here through its entry point.
	 */
	@ExceptionHandler(AuthenticationException.class)
	ProblemDetail unauthorized(AuthenticationException ex) {
		return problem(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED, "Unauthorized",
				"Send a user's credentials (HTTP Basic) or a token (Authorization: Bearer)");
	}

	@ExceptionHandler(AccessDeniedException.class)
	ProblemDetail forbidden(AccessDeniedException ex) {
		return problem(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden",
				"Your role may not do this; see the operation's required role in the API document");
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail typeMismatch(MethodArgumentTypeMismatchException ex) {
		return invalid(List.of(new FieldProblem(ex.getName(),
				"invalid value '" + ex.getValue() + "'; expected " + JsonProblems.expected(ex.getRequiredType()))));
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception ex) {
		logger.error("Request failed", ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL_ERROR, "Internal error",
				"The request could not be completed; the server log has the details");
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		PayloadTooLargeException tooLarge = cause(ex, PayloadTooLargeException.class);
		if (tooLarge != null) {
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(tooLarge(tooLarge));
		}
		JacksonException json = cause(ex, JacksonException.class);
		FieldProblem problem = (json != null) ? JsonProblems.describe("", json)
				: new FieldProblem("body", "missing or unreadable; send a JSON object");
		ProblemDetail body = invalid(List.of(problem));
		body.setType(ProblemTypes.MALFORMED_BODY);
		return ResponseEntity.badRequest().body(body);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest()
			.body(invalid(ex.getFieldErrors()
				.stream()
				.map((error) -> new FieldProblem(error.getField(), String.valueOf(error.getDefaultMessage())))
				.toList()));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
			HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> problems = ex.getParameterValidationResults()
			.stream()
			.flatMap((result) -> result.getResolvableErrors()
				.stream()
				.map((error) -> new FieldProblem(String.valueOf(result.getMethodParameter().getParameterName()),
						String.valueOf(error.getDefaultMessage()))))
			.toList();
		return ResponseEntity.badRequest().body(invalid(problems));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.body(problem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found",
					"No endpoint " + ex.getHttpMethod() + " /" + ex.getResourcePath()));
	}

	/**
	 * Spring's own answers (405, 415, 406, ...) get a {@code type} too, so that every
	 * problem a client sees names its kind the same way.
	 */
	@Override
	protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (body instanceof ProblemDetail problem
				&& (problem.getType() == null || ABOUT_BLANK.equals(problem.getType()))) {
			problem.setType(ProblemTypes.forStatus(statusCode));
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}

	private static ProblemDetail invalid(List<FieldProblem> problems) {
		ProblemDetail detail = problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST, "Invalid request",
				problems.stream()
					.map((problem) -> problem.field() + ": " + problem.message())
					.reduce((a, b) -> a + "; " + b)
					.orElse("The request is not valid"));
		detail.setProperty("errors",
				problems.stream()
					.map((problem) -> Map.of("field", problem.field(), "message", problem.message()))
					.toList());
		return detail;
	}

	private static ProblemDetail problem(HttpStatus status, java.net.URI type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		problem.setTitle(title);
		return problem;
	}

	private static <T extends Throwable> @Nullable T cause(Throwable ex, Class<T> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

}
