package dev.timekeeper.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for tests over a real port: it sends exactly the bytes and headers
 * it is given, so malformed bodies and wrong content types reach the server as written.
 */
public final class Api {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * The test users' passwords and tokens, as {@code application-testusers.yaml} hashes
	 * them.
	 */
	public static final String ADMIN_PASSWORD = "admin-secret";

	public static final String ADMIN_TOKEN = "test-admin-token";

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	private final String authorization;

	/**
	 * A client that authenticates as the test profile's admin.
	 * @param port the application's port
	 */
	public Api(int port) {
		this(port, basic("admin", ADMIN_PASSWORD));
	}

	private Api(int port, String authorization) {
		this.base = "http://localhost:" + port;
		this.authorization = authorization;
	}

	/**
	 * The same client with another {@code Authorization} header.
	 * @param authorization the header's value, or null to send none
	 * @return the client
	 */
	public Api as(String authorization) {
		return new Api(Integer.parseInt(this.base.substring(this.base.lastIndexOf(':') + 1)), authorization);
	}

	public static String basic(String user, String password) {
		return "Basic " + java.util.Base64.getEncoder()
			.encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	public static String bearer(String token) {
		return "Bearer " + token;
	}

	public Response get(String path) {
		return send("GET", path, null, null);
	}

	public Response post(String path, String json) {
		return send("POST", path, "application/json", json);
	}

	public Response post(String path) {
		return send("POST", path, null, null);
	}

	public Response put(String path, String json) {
		return send("PUT", path, "application/json", json);
	}

	public Response delete(String path) {
		return send("DELETE", path, null, null);
	}

	/**
	 * Sends a request as given.
	 * @param method the HTTP method
	 * @param path the path and query, sent as written (already encoded)
	 * @param contentType the Content-Type header, or null for none
	 * @param body the body, or null for none
	 * @return the response
	 */
	public Response send(String method, String path, String contentType, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(30))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (this.authorization != null) {
			request.header("Authorization", this.authorization);
		}
		try {
			HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.headers().firstValue("Location").orElse(null), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A response.
	 *
	 * @param status the status code
	 * @param contentType the Content-Type header, or empty
	 * @param location the Location header, or null
	 * @param body the body as text
	 */
	public record Response(int status, String contentType, String location, String body) {

		/**
		 * The body as JSON.
		 * @return the parsed body
		 */
		public JsonNode json() {
			return JSON.readTree(this.body);
		}

		/**
		 * Whether the body is RFC 9457 Problem Details for this status.
		 * @return true when it is
		 */
		public boolean isProblem() {
			if (!this.contentType.startsWith("application/problem+json") || this.body.isEmpty()) {
				return false;
			}
			JsonNode json = json();
			return json.path("status").asInt() == this.status && json.has("title") && json.has("type");
		}

	}

}
