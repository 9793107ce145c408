package dev.timekeeper.monitoring;

import java.util.List;
import java.util.stream.Stream;

import dev.timekeeper.support.Api.Response;
import dev.timekeeper.support.ApiTestSupport;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad params of the monitoring and probe types are refused like any bad request: 400
 * Problem Details naming the field, and no job created.
 */
class MonitoringBadInputTests extends ApiTestSupport {

	private static final String JOBS = "/api/v1/jobs";

	private static final List<String> INTERNALS = List.of("Exception", "java.", "org.", "at dev.", "tools.jackson");

	@ParameterizedTest(name = "{0}")
	@MethodSource("badParams")
	void badParamsAreRefusedAsProblemDetailsAndCreateNothing(BadParams bad) {
		long jobsBefore = jobCount();
		Response response = this.api.post(JOBS, """
				{"group": "monitoring-bad", "name": "victim", "type": "%s", "params": %s,
				 "schedule": {"kind": "interval", "every": "PT1M"}}""".formatted(bad.type(), bad.params()));
		long jobsAfter = jobCount();
		int victim = this.api.get(JOBS + "/monitoring-bad/victim").status();
		if (victim == 200) {
			this.api.delete(JOBS + "/monitoring-bad/victim");
		}
		SoftAssertions.assertSoftly((softly) -> {
			softly.assertThat(response.status()).as("status; body: %s", response.body()).isEqualTo(400);
			softly.assertThat(response.isProblem()).as("Problem Details: %s", response.body()).isTrue();
			softly.assertThat(response.body()).doesNotContain(INTERNALS);
			softly.assertThat(response.json().path("errors").valueStream().map((e) -> e.path("field").asString()))
				.as("errors[].field; body: %s", response.body())
				.contains(bad.field());
			softly.assertThat(jobsAfter).isEqualTo(jobsBefore);
			softly.assertThat(victim).isEqualTo(404);
		});
	}

	static Stream<BadParams> badParams() {
		return Stream.of(new BadParams("an ftp URL", "http", """
				{"url": "ftp://example.com/file"}""", "params.url"), new BadParams("a file URL", "http", """
				{"url": "file:///etc/passwd"}""", "params.url"), new BadParams("no url", "http", "{}", "params.url"),
				new BadParams("a URL that is not a URL", "http", """
						{"url": "http://exa mple.com/"}""", "params.url"),
				new BadParams("a URL given as a number", "http", """
						{"url": 42}""", "params.url"), new BadParams("a URL with user info", "http", """
						{"url": "https://user:secret@example.com/"}""", "params.url"),
				new BadParams("a negative timeout", "http", """
						{"url": "https://example.com/", "timeout": "-PT1S"}""", "params.timeout"),
				new BadParams("a timeout over five minutes", "http", """
						{"url": "https://example.com/", "timeout": "PT10M"}""", "params.timeout"),
				new BadParams("an unknown param", "http", """
						{"url": "https://example.com/", "retries": 3}""", "params.retries"),
				new BadParams("status 99 expected", "http", """
						{"url": "https://example.com/", "expectedStatus": [200, 99]}""", "params.expectedStatus[1]"),
				new BadParams("status 600 expected", "http", """
						{"url": "https://example.com/", "expectedStatus": [600]}""", "params.expectedStatus[0]"),
				new BadParams("the method TRACE", "http", """
						{"url": "https://example.com/", "method": "TRACE"}""", "params.method"),
				new BadParams("a Host header", "http", """
						{"url": "https://example.com/", "headers": {"Host": "internal"}}""", "params.headers[Host]"),
				new BadParams("a header value with a line break", "http", """
						{"url": "https://example.com/", "headers": {"X-A": "a\\r\\nX-B: b"}}""", "params.headers[X-A]"),
				new BadParams("more than ten redirects", "http", """
						{"url": "https://example.com/", "maxRedirects": 11}""", "params.maxRedirects"),
				new BadParams("an empty bodyContains", "http", """
						{"url": "https://example.com/", "bodyContains": ""}""", "params.bodyContains"),
				new BadParams("a system param", "system", """
						{"perCpu": true}""", "params.perCpu"),
				new BadParams("an interface pattern that is not a regular expression", "network", """
						{"interfaces": ["eth(0"]}""", "params.interfaces[0]"),
				new BadParams("interfaces given as a string", "network", """
						{"interfaces": "eth0"}""", "params.interfaces"),
				new BadParams("a null interface pattern", "network", """
						{"excludeInterfaces": [null]}""", "params.excludeInterfaces[0]"),
				new BadParams("localOnly given as yes", "disk", """
						{"localOnly": "yes"}""", "params.localOnly"),
				new BadParams("a file system type with a space", "disk", """
						{"excludeTypes": ["tmp fs"]}""", "params.excludeTypes[0]"),
				new BadParams("51 mount patterns", "disk", """
						{"mounts": [%s]}""".formatted(String.join(",", java.util.Collections.nCopies(51, "\"/\""))),
						"params.mounts"));
	}

	private long jobCount() {
		return this.api.get(JOBS + "?size=1").json().path("page").path("totalElements").asLong();
	}

	/**
	 * Bad params of a type.
	 *
	 * @param description what is wrong
	 * @param type the job type
	 * @param params the params, as JSON
	 * @param field the field the answer must name
	 */
	record BadParams(String description, String type, String params, String field) {

		@Override
		public String toString() {
			return this.type + ": " + this.description;
		}

	}

}
