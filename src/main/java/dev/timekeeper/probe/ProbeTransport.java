package dev.timekeeper.probe;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Sends one request of a probe to its vetted address and reads the answer. One hop: the
 * probe follows redirects itself, vetting each.
 */
@FunctionalInterface
interface ProbeTransport {

	/**
	 * Sends a request.
	 * @param request what to send, and where
	 * @param timeout how long the exchange, body included, may take
	 * @return the response
	 * @throws IOException if there was no response (a timeout is an
	 * {@link java.net.http.HttpTimeoutException})
	 * @throws InterruptedException if the thread was interrupted
	 */
	Response exchange(Request request, Duration timeout) throws IOException, InterruptedException;

	/**
	 * A request to a vetted target.
	 *
	 * @param target where to send it
	 * @param method the HTTP method
	 * @param headers the job's headers
	 * @param body the body, or null for none
	 */
	record Request(VettedTarget target, String method, Map<String, String> headers, @Nullable String body) {

	}

	/**
	 * A response.
	 *
	 * @param status the status code
	 * @param location the {@code Location} header, or null
	 * @param body the start of the body, as UTF-8 text (at most {@link #BODY_LIMIT}
	 * bytes)
	 */
	record Response(int status, @Nullable String location, String body) {

		/** How much of a body a probe reads: 1 MiB. */
		static final int BODY_LIMIT = 1024 * 1024;

	}

}
