package dev.timekeeper.security;

import dev.timekeeper.support.ApiTestSupport;
import dev.timekeeper.support.PrometheusText;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every request, refused ones included, is measured once, as {@code http.server.requests}
 * with its status; Spring Security's own per-filter observations are off.
 */
class SecurityObservationTests extends ApiTestSupport {

	@Test
	void requestsAreMeasuredWithTheirStatusWithoutSpringSecuritysOwnObservations() {
		assertThat(this.api.get("/api/v1/jobs/observed/missing").status()).isEqualTo(404);
		assertThat(this.api.as(null).get("/api/v1/jobs/observed/missing").status()).isEqualTo(401);

		PrometheusText scrape = PrometheusText.parse(this.api.get("/actuator/prometheus").body());
		assertThat(scrape.find("http_server_requests_seconds_count", "uri", "/api/v1/jobs/{group}/{name}", "status",
				"404"))
			.isNotEmpty();
		assertThat(scrape.find("http_server_requests_seconds_count", "method", "GET", "status", "401")).isNotEmpty();
		assertThat(scrape.samples()).noneMatch((sample) -> sample.name().startsWith("spring_security_"));
	}

}
