package dev.timekeeper.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * A Timekeeper instance in a JVM process of its own, for cluster and failover tests: it
 * can be killed as a machine dies ({@code SIGKILL}), which no in-process test can do.
 */
public final class Node implements AutoCloseable {

	private final String name;

	private final Process process;

	private final int port;

	private Node(String name, Process process, int port) {
		this.name = name;
		this.process = process;
		this.port = port;
	}

	/**
	 * Starts an instance and waits until it is ready.
	 * @param name its Quartz instance id, and its log file's name
	 * @param logs the directory for its log
	 * @param arguments further application arguments
	 * @return the started instance
	 */
	public static Node start(String name, Path logs, String... arguments) throws IOException {
		int port = freePort();
		List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
				"-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp",
				System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
				"dev.timekeeper.TimekeeperApplication", "--server.port=" + port, "--spring.profiles.active=testusers",
				"--spring.quartz.properties.org.quartz.scheduler.instanceId=" + name));
		command.addAll(List.of(arguments));
		File log = logs.resolve(name + ".log").toFile();
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log))
			.start();
		Node node = new Node(name, process, port);
		Api api = node.api().as(null);
		await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
			if (!process.isAlive()) {
				throw new IllegalStateException(name + " exited at start; see " + log);
			}
			try {
				return api.get("/actuator/health/readiness").status() == 200;
			}
			catch (IllegalStateException ex) {
				return false;
			}
		});
		return node;
	}

	public String name() {
		return this.name;
	}

	public Api api() {
		return new Api(this.port);
	}

	/** Kills the process at once, as a machine dies: no shutdown hook, no check-out. */
	public void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor();
	}

	@Override
	public void close() throws InterruptedException {
		if (this.process.isAlive()) {
			this.process.destroy();
			if (!this.process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
				kill();
			}
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
