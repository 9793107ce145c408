package dev.timekeeper.security;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.timekeeper.support.Api;
import dev.timekeeper.support.Api.Response;
import dev.timekeeper.support.ApiTestSupport;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint for every kind of caller: anonymous, a wrong password, an unknown token,
 * each role by HTTP Basic and by bearer token. Each gets exactly the expected 2xx, 401 or
 * 403; a refused request changes nothing; every change is in the audit log with who made
 * it.
 */
@ExtendWith(OutputCaptureExtension.class)
class AccessMatrixTests extends ApiTestSupport {

	private static final String JOB = "{\"type\": \"noop\", \"schedule\": {\"kind\": \"cron\", \"expression\": \"@yearly\"}}";

	/** Whether the last case changed the fixtures (a refused request never does). */
	private static boolean changed = true;

	@BeforeEach
	void fixtures() {
		if (!changed) {
			return;
		}
		changed = false;
		Api admin = this.api;
		admin.post("/api/v1/scheduler/resume");
		assertThat(admin.put("/api/v1/jobs/sec/fixture", JOB).status()).isIn(200, 201);
		assertThat(admin.put("/api/v1/jobs/sec/target", JOB).status()).isIn(200, 201);
		admin.post("/api/v1/groups/sec/resume");
		admin.delete("/api/v1/jobs/sec/created");
		admin.delete("/api/v1/jobs/sec/batched");
	}

	@ParameterizedTest(name = "{0} by {1}")
	@MethodSource("matrix")
	void everyCallerGetsWhatItsRoleAllowsAndARefusalChangesNothing(Endpoint endpoint, Caller caller,
			CapturedOutput output) {
		String before = snapshot();
		Response response = this.api.as(caller.authorization())
			.send(endpoint.method(), endpoint.path(), (endpoint.body() != null) ? "application/json" : null,
					endpoint.body());
		int expected = expected(endpoint, caller);
		changed = endpoint.changes() && response.status() < 300;
		assertThat(response.status())
			.as("%s %s by %s: %s", endpoint.method(), endpoint.path(), caller.name(), response.body())
			.isEqualTo(expected);
		if (expected == 401 || expected == 403) {
			assertThat(response.isProblem()).as(response.body()).isTrue();
			assertThat(snapshot()).as("nothing changed").isEqualTo(before);
		}
		if (expected == 401) {
			assertThat(response.body()).contains("\"status\":401");
		}
		if (endpoint.changes() && expected < 300) {
			assertThat(output.getOut())
				.contains(caller.principal() + " " + endpoint.method() + " " + endpoint.path() + " -> " + expected);
		}
		if (endpoint.changes() && expected == 403) {
			assertThat(output.getOut())
				.contains(caller.principal() + " " + endpoint.method() + " " + endpoint.path() + " -> 403 denied");
		}
	}

	static Stream<Object[]> matrix() {
		List<Object[]> cases = new ArrayList<>();
		for (Endpoint endpoint : endpoints()) {
			for (Caller caller : callers()) {
				cases.add(new Object[] { endpoint, caller });
			}
		}
		return cases.stream();
	}

	private static List<Endpoint> endpoints() {
		return List.of(read("GET", "/api/v1/jobs"), read("GET", "/api/v1/jobs/sec/fixture"),
				read("GET", "/api/v1/jobs/sec/fixture/executions"), read("GET", "/api/v1/executions"),
				read("GET", "/api/v1/job-types"), read("GET", "/api/v1/scheduler"),
				new Endpoint("POST", "/api/v1/schedules/preview",
						"{\"schedule\": {\"kind\": \"cron\", \"expression\": \"@daily\"}}", Role.VIEWER, 200, false),
				change("POST", "/api/v1/jobs/sec/fixture/pause", null, Role.OPERATOR, 200),
				change("POST", "/api/v1/jobs/sec/fixture/resume", null, Role.OPERATOR, 200),
				change("POST", "/api/v1/jobs/sec/fixture/run", null, Role.OPERATOR, 202),
				change("POST", "/api/v1/jobs",
						"{\"group\": \"sec\", \"name\": \"created\", \"type\": \"noop\", \"schedule\": {\"kind\": \"cron\", \"expression\": \"@yearly\"}}",
						Role.ADMIN, 201),
				change("POST", "/api/v1/jobs/batch",
						"{\"jobs\": [{\"group\": \"sec\", \"name\": \"batched\", \"type\": \"noop\", \"schedule\": {\"kind\": \"cron\", \"expression\": \"@yearly\"}}]}",
						Role.ADMIN, 201),
				change("PUT", "/api/v1/jobs/sec/target", JOB.replace("@yearly", "@monthly"), Role.ADMIN, 200),
				change("DELETE", "/api/v1/jobs/sec/target", null, Role.ADMIN, 204),
				change("POST", "/api/v1/groups/sec/pause", null, Role.ADMIN, 200),
				change("POST", "/api/v1/groups/sec/resume", null, Role.ADMIN, 200),
				change("POST", "/api/v1/scheduler/pause", null, Role.ADMIN, 200),
				change("POST", "/api/v1/scheduler/resume", null, Role.ADMIN, 200), open("/actuator/health"),
				open("/actuator/health/liveness"), open("/actuator/health/readiness"), open("/actuator/info"),
				open("/actuator/prometheus"), open("/v3/api-docs"), open("/swagger-ui/index.html"),
				new Endpoint("GET", "/actuator/metrics", null, Role.ADMIN, 200, false),
				new Endpoint("GET", "/actuator/quartz", null, Role.ADMIN, 200, false),
				new Endpoint("GET", "/actuator", null, Role.ADMIN, 200, false),
				// never exposed: not found even for an admin
				new Endpoint("GET", "/actuator/env", null, Role.ADMIN, 404, false),
				new Endpoint("GET", "/actuator/heapdump", null, Role.ADMIN, 404, false),
				new Endpoint("POST", "/actuator/shutdown", null, Role.ADMIN, 404, false),
				new Endpoint("GET", "/actuator/configprops", null, Role.ADMIN, 404, false));
	}

	private static List<Caller> callers() {
		return List.of(new Caller("anonymous", null, null, "anonymous"),
				new Caller("a wrong password", Api.basic("admin", "wrong"), null, "anonymous"),
				new Caller("an unknown token", Api.bearer("not-a-token"), null, "anonymous"),
				new Caller("viewer", Api.basic("viewer", "viewer-secret"), Role.VIEWER, "viewer"),
				new Caller("operator", Api.basic("operator", "operator-secret"), Role.OPERATOR, "operator"),
				new Caller("admin", Api.basic("admin", Api.ADMIN_PASSWORD), Role.ADMIN, "admin"),
				new Caller("a viewer token", Api.bearer("test-viewer-token"), Role.VIEWER, "token:dashboard"),
				new Caller("an operator token", Api.bearer("test-operator-token"), Role.OPERATOR, "token:oncall"),
				new Caller("an admin token", Api.bearer(Api.ADMIN_TOKEN), Role.ADMIN, "token:ci-admin"));
	}

	private static int expected(Endpoint endpoint, Caller caller) {
		if (endpoint.role() == null) {
			// open to all, though a wrong password or token is still refused
			return (caller.authorization() != null && caller.role() == null) ? 401 : endpoint.success();
		}
		if (caller.role() == null) {
			return 401;
		}
		return (caller.role().compareTo(endpoint.role()) >= 0) ? endpoint.success() : 403;
	}

	/**
	 * What a refused request must not change: the test jobs and the scheduler's state.
	 */
	private String snapshot() {
		return this.api.get("/api/v1/jobs?group=sec&sort=name")
			.json()
			.path("content")
			.valueStream()
			.map((job) -> job.path("name").asString() + ":" + job.path("state").asString() + ":"
					+ job.path("schedule").path("expression").asString())
			.toList() + " " + this.api.get("/api/v1/scheduler").json().path("state").asString();
	}

	private static Endpoint read(String method, String path) {
		return new Endpoint(method, path, null, Role.VIEWER, 200, false);
	}

	private static Endpoint change(String method, String path, @Nullable String body, Role role, int success) {
		return new Endpoint(method, path, body, role, success, true);
	}

	private static Endpoint open(String path) {
		return new Endpoint("GET", path, null, null, 200, false);
	}

	record Endpoint(String method, String path, @Nullable String body, @Nullable Role role, int success,
			boolean changes) {

		@Override
		public String toString() {
			return this.method + " " + this.path;
		}

	}

	record Caller(String name, @Nullable String authorization, @Nullable Role role, String principal) {

		@Override
		public String toString() {
			return this.name;
		}

	}

}
