package dev.timekeeper.web;

import java.net.URI;

/** The stable {@code type} URI of each kind of problem Timekeeper reports. */
final class ProblemTypes {

	private static final String BASE = "https://timekeeper.dev/problems/";

	static final URI INVALID_REQUEST = URI.create(BASE + "invalid-request");

	static final URI MALFORMED_BODY = URI.create(BASE + "malformed-body");

	static final URI NOT_FOUND = URI.create(BASE + "not-found");

	static final URI CONFLICT = URI.create(BASE + "conflict");

	static final URI PAYLOAD_TOO_LARGE = URI.create(BASE + "payload-too-large");

	static final URI INTERNAL_ERROR = URI.create(BASE + "internal-error");

	private ProblemTypes() {
	}

}
