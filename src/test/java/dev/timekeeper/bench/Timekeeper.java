package dev.timekeeper.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import dev.timekeeper.support.PrometheusText;
import tools.jackson.databind.json.JsonMapper;

/**
 * Timekeeper in a JVM of its own, started as a user would start it: its own
 * {@code application.yaml} with only documented settings given on the command line (the
 * database, the port, no default monitoring jobs, and an API token, so that requests are
 * authenticated by a SHA-256 lookup rather than bcrypt).
 */
final class Timekeeper implements AutoCloseable {

	static final String TOKEN = "bench-admin-token";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ChildJvm jvm;

	private final int port;

	private final Duration ready;

	private final String cache;

	private Timekeeper(ChildJvm jvm, int port, Duration ready, String cache) {
		this.jvm = jvm;
		this.port = port;
		this.ready = ready;
		this.cache = cache;
	}

	/**
	 * Starts an instance on a database and waits until it is ready.
	 * @param harness the run
	 * @param name the child's name (its log file's)
	 * @param database its database
	 * @return the ready instance
	 */
	static Timekeeper start(Harness harness, String name, Database database) throws Exception {
		return start(harness, name, database, harness.timekeeper());
	}

	/**
	 * Starts an instance on a database, launched as given, and waits until it is ready.
	 * @param harness the run
	 * @param name the child's name (its log file's)
	 * @param database its database
	 * @param launch its class path and JVM options
	 * @return the ready instance
	 */
	static Timekeeper start(Harness harness, String name, Database database, TimekeeperLaunch launch) throws Exception {
		int port = ChildJvm.freePort();
		List<String> arguments = new ArrayList<>(List.of("--server.port=" + port,
				"--timekeeper.default-jobs.enabled=false", "--timekeeper.security.tokens[0].name=bench",
				"--timekeeper.security.tokens[0].sha256=" + sha256(TOKEN),
				"--timekeeper.security.tokens[0].role=ADMIN"));
		arguments.addAll(database.springArguments());
		ChildJvm jvm = ChildJvm.start(harness, name, launch.classpath(), launch.jvmOptions(), TimekeeperLaunch.MAIN,
				arguments);
		try {
			return new Timekeeper(jvm, port, jvm.awaitReady(port, "/actuator/health/readiness", Duration.ofMinutes(5)),
					launch.cache());
		}
		catch (RuntimeException | InterruptedException ex) {
			jvm.close();
			throw ex;
		}
	}

	/**
	 * A new connection that authenticates as the admin token.
	 * @return the connection
	 */
	HttpConnection connect() {
		return new HttpConnection(this.port, "Bearer " + TOKEN);
	}

	/**
	 * Its metrics now.
	 * @return the scrape
	 */
	PrometheusText scrape() throws IOException {
		try (HttpConnection connection = connect()) {
			return PrometheusText.parse(expect(connection.getAny("/actuator/prometheus"), 200).body());
		}
	}

	/**
	 * How many jobs it holds.
	 * @return the count
	 */
	long jobs() throws IOException {
		try (HttpConnection connection = connect()) {
			String body = expect(connection.get("/api/v1/jobs?size=1"), 200).body();
			return JSON.readTree(body).path("page").path("totalElements").asLong();
		}
	}

	/**
	 * Pauses a group, so that its jobs stay stored but fire no more.
	 * @param group the group
	 */
	void pause(String group) throws IOException {
		try (HttpConnection connection = connect()) {
			expect(connection.send("POST", "/api/v1/groups/" + group + "/pause", null), 200);
		}
	}

	static HttpConnection.Response expect(HttpConnection.Response response, int status) {
		if (response.status() != status) {
			throw new IllegalStateException("expected " + status + " but got " + response.status() + ": "
					+ response.body().substring(0, Math.min(300, response.body().length())));
		}
		return response;
	}

	Duration ready() {
		return this.ready;
	}

	/**
	 * What it started with.
	 * @return {@code aot} or {@code none}
	 */
	String cache() {
		return this.cache;
	}

	ChildJvm jvm() {
		return this.jvm;
	}

	/**
	 * Stops it gracefully, so that the executions it holds are stored.
	 */
	void stop() throws InterruptedException {
		this.jvm.stop(Duration.ofMinutes(2));
	}

	@Override
	public void close() throws InterruptedException {
		this.jvm.close();
	}

	private static String sha256(String token) throws NoSuchAlgorithmException {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
	}

}
