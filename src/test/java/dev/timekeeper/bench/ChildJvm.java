package dev.timekeeper.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A system under test in a JVM process of its own, started with the harness's JVM options
 * (the same for every child, so that start-up times and memory compare), its output in a
 * log file. It knows when it was started, so the time to readiness counts the JVM's own
 * start.
 */
final class ChildJvm implements AutoCloseable {

	private final String name;

	private final Process process;

	private final long startedNanos;

	private final Path log;

	private ChildJvm(String name, Process process, long startedNanos, Path log) {
		this.name = name;
		this.process = process;
		this.startedNanos = startedNanos;
		this.log = log;
	}

	/**
	 * Starts a child.
	 * @param harness the run, for the JVM options and the log directory
	 * @param name the child's name in logs and errors
	 * @param classpath its class path
	 * @param mainClass its main class
	 * @param arguments its arguments
	 * @return the running child
	 * @throws IOException when the process cannot be started
	 */
	static ChildJvm start(Harness harness, String name, String classpath, String mainClass, List<String> arguments)
			throws IOException {
		return start(harness, name, classpath, List.of(), mainClass, arguments);
	}

	/**
	 * Starts a child with JVM options of its own after the harness's.
	 * @param harness the run, for the JVM options and the log directory
	 * @param name the child's name in logs and errors
	 * @param classpath its class path
	 * @param jvmOptions its own JVM options, after the harness's
	 * @param mainClass its main class
	 * @param arguments its arguments
	 * @return the running child
	 * @throws IOException when the process cannot be started
	 */
	static ChildJvm start(Harness harness, String name, String classpath, List<String> jvmOptions, String mainClass,
			List<String> arguments) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.addAll(harness.settings().jvmOptions());
		command.addAll(jvmOptions);
		command.addAll(List.of("-cp", classpath, mainClass));
		command.addAll(arguments);
		Path log = harness.logs().resolve(name + ".log");
		// the command first, so that a case can be rerun by hand
		Files.writeString(log, String.join(" ", command) + "\n\n");
		long started = System.nanoTime();
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.start();
		return new ChildJvm(name, process, started, log);
	}

	/**
	 * Waits until a GET of the path answers 200.
	 * @param port the child's HTTP port
	 * @param path what to ask
	 * @param timeout how long to wait at most
	 * @return the time from starting the process to the first 200
	 * @throws IllegalStateException when the child exits or the time runs out
	 */
	Duration awaitReady(int port, String path, Duration timeout) throws InterruptedException {
		long deadline = this.startedNanos + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(this.name + " exited at start; see " + this.log);
			}
			try (HttpConnection connection = new HttpConnection(port, null)) {
				if (connection.get(path).status() == 200) {
					return Duration.ofNanos(System.nanoTime() - this.startedNanos);
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(20);
		}
		throw new IllegalStateException(this.name + " not ready after " + timeout + "; see " + this.log);
	}

	/**
	 * The resident memory once it has settled: sampled every second after the given idle
	 * time until three samples in a row lie within 1 MiB, or for at most 30 s.
	 * @param idle how long to leave the child alone first
	 * @return VmRSS in KiB
	 */
	long settledRssKib(Duration idle) throws IOException, InterruptedException {
		Thread.sleep(idle);
		long[] last = { rssKib(), -1, -1 };
		for (int i = 1; i < 30; i++) {
			Thread.sleep(1000);
			last[i % 3] = rssKib();
			long max = Math.max(last[0], Math.max(last[1], last[2]));
			long min = Math.min(last[0], Math.min(last[1], last[2]));
			if (i >= 2 && max - min <= 1024) {
				return last[i % 3];
			}
		}
		return last[29 % 3];
	}

	/**
	 * The CPU time the JVM's JIT compiler threads have used so far: the sum of user and
	 * system time of its threads named {@code C1 CompilerThre...} and
	 * {@code C2 CompilerThre...}, in clock ticks.
	 * @return the ticks, or 0 once the process has gone
	 */
	long compilerTicks() {
		long ticks = 0;
		try (DirectoryStream<Path> tasks = Files
			.newDirectoryStream(Path.of("/proc", Long.toString(this.process.pid()), "task"))) {
			for (Path task : tasks) {
				try {
					String comm = Files.readString(task.resolve("comm"));
					if (comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler")) {
						String stat = Files.readString(task.resolve("stat"));
						// the fields after the command name, which may hold spaces
						String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
						ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
					}
				}
				catch (IOException ex) {
					// the thread ended meanwhile
				}
			}
		}
		catch (IOException ex) {
			return 0;
		}
		return ticks;
	}

	private long rssKib() throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc", Long.toString(this.process.pid()), "status"))) {
			if (line.startsWith("VmRSS:")) {
				return Long.parseLong(line.replaceAll("[^0-9]", ""));
			}
		}
		throw new IllegalStateException("no VmRSS for " + this.name);
	}

	/**
	 * Waits for the child to finish by itself.
	 * @param timeout how long at most
	 * @return its exit code
	 * @throws IllegalStateException when it is still running after the timeout
	 */
	int awaitExit(Duration timeout) throws InterruptedException {
		if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			throw new IllegalStateException(this.name + " still running after " + timeout + "; see " + this.log);
		}
		return this.process.exitValue();
	}

	/**
	 * Stops the child as an orchestrator does ({@code SIGTERM}), so that a graceful
	 * shutdown stores what it still holds, and waits for it.
	 * @param timeout how long to wait before killing it
	 * @throws IllegalStateException when it had to be killed
	 */
	void stop(Duration timeout) throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			close();
			throw new IllegalStateException(this.name + " did not stop within " + timeout + "; see " + this.log);
		}
	}

	String name() {
		return this.name;
	}

	long pid() {
		return this.process.pid();
	}

	Path log() {
		return this.log;
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	@Override
	public void close() throws InterruptedException {
		if (this.process.isAlive()) {
			this.process.destroyForcibly();
			this.process.waitFor();
		}
	}

}
