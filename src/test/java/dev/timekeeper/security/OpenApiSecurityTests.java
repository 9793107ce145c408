package dev.timekeeper.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import dev.timekeeper.support.Api;
import dev.timekeeper.support.ApiTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API document states how to authenticate and what each operation needs, and every
 * answer carries the standard security headers and no session.
 */
class OpenApiSecurityTests extends ApiTestSupport {

	@LocalServerPort
	private int port;

	@Test
	void everyApiOperationStatesItsSecurityAndRequiredRole() {
		JsonNode docs = this.api.as(null).get("/v3/api-docs").json();
		JsonNode schemes = docs.path("components").path("securitySchemes");
		assertThat(schemes.path("basicAuth").path("scheme").asString()).isEqualTo("basic");
		assertThat(schemes.path("bearerAuth").path("scheme").asString()).isEqualTo("bearer");
		docs.path("paths").properties().forEach((path) -> path.getValue().properties().forEach((operation) -> {
			String name = operation.getKey().toUpperCase() + " " + path.getKey();
			assertThat(operation.getValue().path("security").toString()).as(name).contains("basicAuth", "bearerAuth");
			assertThat(operation.getValue().path("x-required-role").asString()).as(name)
				.isIn("VIEWER", "OPERATOR", "ADMIN");
		}));
		Map<String, String> roles = Map.of("get /api/v1/jobs", "VIEWER", "post /api/v1/schedules/preview", "VIEWER",
				"post /api/v1/jobs/{group}/{name}/run", "OPERATOR", "post /api/v1/jobs/{group}/{name}/pause",
				"OPERATOR", "delete /api/v1/jobs/{group}/{name}", "ADMIN", "post /api/v1/jobs", "ADMIN",
				"post /api/v1/scheduler/pause", "ADMIN", "get /api/v1/executions", "VIEWER");
		roles.forEach((operation, role) -> {
			String[] parts = operation.split(" ");
			assertThat(docs.path("paths").path(parts[1]).path(parts[0]).path("x-required-role").asString())
				.as(operation)
				.isEqualTo(role);
		});
	}

	@Test
	void answersCarrySecurityHeadersAndNoSession() throws IOException, InterruptedException {
		HttpClient client = HttpClient.newHttpClient();
		for (String authorization : new String[] { Api.basic("admin", Api.ADMIN_PASSWORD), null }) {
			HttpRequest.Builder request = HttpRequest
				.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/jobs"));
			if (authorization != null) {
				request.header("Authorization", authorization);
			}
			HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isIn(200, 401);
			assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
			assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
			assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
			assertThat(response.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
			assertThat(response.headers().firstValue("Set-Cookie")).as("stateless: no session").isEmpty();
			if (response.statusCode() == 401) {
				assertThat(response.headers().firstValue("WWW-Authenticate").orElse("")).contains("Basic", "Bearer");
				assertThat(response.headers().firstValue("Content-Type").orElse(""))
					.startsWith("application/problem+json");
			}
		}
	}

}
