package dev.timekeeper.probe;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.timekeeper.jobtypes.JobFailedException;
import dev.timekeeper.jobtypes.JobRun;
import dev.timekeeper.jobtypes.JobType;
import dev.timekeeper.monitoring.JobSeries;
import dev.timekeeper.monitoring.Meters;
import dev.timekeeper.monitoring.Metric;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The {@code http} type: requests a URL and records status, latency and success, as
 * Prometheus's blackbox exporter does. A probe that fails (unexpected status, body
 * without the expected text, timeout, refused address) still publishes its meters, then
 * fails the run.
 */
@Component
class HttpJobType implements JobType<HttpJobType.Params> {

	static final Metric SUCCESS = Metric.gauge("timekeeper.http.probe.success", null,
			"1 if the job's last probe succeeded, 0 if it failed");

	static final Metric DURATION = Metric.gauge("timekeeper.http.probe.duration", "seconds",
			"How long the job's last probe took, redirects included");

	static final Metric STATUS = Metric.gauge("timekeeper.http.probe.status.code", null,
			"Status of the last probe's final response; 0 when there was none");

	private final HttpProbe probe;

	private final JobSeries<Object> series;

	HttpJobType(HttpProbe probe, MeterRegistry registry, Clock clock) {
		this.probe = probe;
		this.series = new JobSeries<>(registry, Object::new, clock);
	}

	@Override
	public String name() {
		return "http";
	}

	@Override
	public String description() {
		return "Requests params.url and checks the status (and optionally the body); records status, latency "
				+ "and success. Loopback, private and metadata addresses are refused unless allowed.";
	}

	@Override
	public Class<Params> paramsType() {
		return Params.class;
	}

	@Override
	public Map<String, Object> run(Params params, JobRun run) throws Exception {
		ProbeOutcome outcome = this.probe.probe(params);
		this.series.sample(run, (unused, meters) -> publish(outcome, meters));
		if (!outcome.success()) {
			throw new ProbeFailedException(outcome);
		}
		return outcome.toResult();
	}

	@Override
	public void release(String group, String name) {
		this.series.release(group, name);
	}

	private static @Nullable Void publish(ProbeOutcome outcome, Meters meters) {
		String[] tag = { "target", outcome.target() };
		meters.record(SUCCESS, outcome.success() ? 1 : 0, tag);
		meters.record(DURATION, outcome.seconds(), tag);
		meters.record(STATUS, outcome.status(), tag);
		return null;
	}

	/** The HTTP methods a probe may use. */
	enum Method {

		GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS

	}

	/**
	 * Parameters of the {@code http} type; missing values take their defaults.
	 *
	 * @param method the HTTP method
	 * @param url the URL to request
	 * @param headers request headers
	 * @param body the request body, or null for none
	 * @param timeout how long the whole probe may take, redirects included
	 * @param expectedStatus the statuses that count as success; empty for any 2xx
	 * @param bodyContains text the body (its first 1 MiB) must contain, or null
	 * @param maxRedirects how many redirects to follow
	 */
	record Params(@Schema(description = "HTTP method", defaultValue = "GET") Method method,
			@Schema(type = "string", format = "uri", example = "https://example.com/health",
					description = "http or https URL, without user info; loopback, private, link-local and "
							+ "metadata addresses are refused unless timekeeper.http-probe.allowed names them",
					requiredMode = Schema.RequiredMode.REQUIRED) @NotNull @HttpUrl URI url,
			@Schema(description = "Request headers (not Host, Connection, Content-Length, Expect, Upgrade)",
					example = "{\"Accept\": \"application/json\"}") @Size(max = 50) Map<@Pattern(regexp = HEADER_NAME,
							message = "must be a header name other than Host, Connection, Content-Length, Expect, "
									+ "Upgrade, TE, Trailer, Transfer-Encoding, Keep-Alive") String, @NotNull @Size(
											max = 4096) @Pattern(regexp = "[\\t\\x20-\\x7E]*",
													message = "must be printable ASCII") String> headers,
			@Schema(description = "Request body, sent as given (set Content-Type in headers)") @Size(
					max = 65536) String body,
			@Schema(type = "string", format = "duration", example = "PT5S",
					description = "How long the whole probe may take, redirects included, ISO-8601, at most PT5M",
					defaultValue = "PT10S") @DurationMin(millis = 1) @DurationMax(minutes = 5) Duration timeout,
			@ArraySchema(
					arraySchema = @Schema(description = "Statuses that count as success (empty: any 2xx)",
							example = "[200, 204]"),
					maxItems = 50) @Size(max = 50) List<@NotNull @Min(100) @Max(599) Integer> expectedStatus,
			@Schema(description = "Text the response body (its first 1 MiB, as UTF-8) must contain",
					example = "\"status\":\"UP\"") @Size(min = 1, max = 1024) String bodyContains,
			@Schema(description = "How many redirects to follow (0: the redirect is the answer)",
					defaultValue = "5") @Min(0) @Max(10) Integer maxRedirects) {

		static final String HEADER_NAME = "(?i)(?!(host|connection|content-length|expect|upgrade|te|trailer"
				+ "|transfer-encoding|keep-alive|proxy-connection)$)[!#$%&'*+.^_`|~0-9a-z-]{1,100}";

		Params {
			method = (method != null) ? method : Method.GET;
			headers = (headers != null) ? headers : Map.of();
			timeout = (timeout != null) ? timeout : Duration.ofSeconds(10);
			expectedStatus = (expectedStatus != null) ? expectedStatus : List.of();
			maxRedirects = (maxRedirects != null) ? maxRedirects : 5;
		}

	}

	/** A probe that failed; the run fails with what went wrong. */
	static class ProbeFailedException extends JobFailedException {

		ProbeFailedException(ProbeOutcome outcome) {
			super("probe of " + outcome.target() + " failed: " + outcome.failure(), outcome.toResult());
		}

	}

}
