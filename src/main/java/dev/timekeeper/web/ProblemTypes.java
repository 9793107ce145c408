package dev.timekeeper.web;

import java.net.URI;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/** The stable {@code type} URI of each kind of problem Timekeeper reports. */
final class ProblemTypes {

	private static final String BASE = "https://timekeeper.dev/problems/";

	static final URI INVALID_REQUEST = URI.create(BASE + "invalid-request");

	static final URI MALFORMED_BODY = URI.create(BASE + "malformed-body");

	static final URI NOT_FOUND = URI.create(BASE + "not-found");

	static final URI CONFLICT = URI.create(BASE + "conflict");

	static final URI PAYLOAD_TOO_LARGE = URI.create(BASE + "payload-too-large");

	static final URI UNAUTHORIZED = URI.create(BASE + "unauthorized");

	static final URI FORBIDDEN = URI.create(BASE + "forbidden");

	static final URI INTERNAL_ERROR = URI.create(BASE + "internal-error");

	private ProblemTypes() {
	}

	/**
	 * The type of a problem known only by its status, such as {@code method-not-allowed}.
	 * @param status the status
	 * @return the type URI
	 */
	static URI forStatus(HttpStatusCode status) {
		HttpStatus known = HttpStatus.resolve(status.value());
		String name = (known != null) ? known.name().toLowerCase(Locale.ROOT).replace('_', '-')
				: "status-" + status.value();
		return URI.create(BASE + name);
	}

}
