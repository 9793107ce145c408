package dev.timekeeper.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.springframework.util.FileSystemUtils;

/**
 * What every case of a run shares: the settings, the class paths of the children, the
 * output directory ({@code target/bench}: summary, logs, H2 files), the summary, and the
 * bare application's figures that Timekeeper's are compared with.
 *
 * @param settings what the run measures
 * @param classpaths the children's class paths
 * @param root the output directory
 * @param summary the summary lines
 * @param reference the bare application's figures, filled in once it has run
 * @param launches how Timekeeper starts, made once per run
 */
record Harness(Settings settings, Classpaths classpaths, Path root, Summary summary, Reference reference,
		Launches launches) {

	static Harness create(Settings settings) throws IOException {
		Path root = Path.of("target", "bench").toAbsolutePath();
		FileSystemUtils.deleteRecursively(root);
		Files.createDirectories(root.resolve("logs"));
		Files.createDirectories(root.resolve("data"));
		return new Harness(settings, Classpaths.ofTestRun(), root,
				new Summary(root.resolve("summary.txt"), root.resolve("timeline.txt")), new Reference(),
				new Launches());
	}

	/**
	 * Timekeeper as every case starts it: as shipped, with its AOT cache (made by a
	 * training run the first time), unless {@code bench.timekeeper.aot-cache=false}.
	 * @return the launch
	 */
	TimekeeperLaunch timekeeper() throws Exception {
		if (!this.settings.aotCache()) {
			return timekeeperWithoutCache();
		}
		synchronized (this.launches) {
			if (this.launches.shipped == null) {
				this.launches.shipped = TimekeeperLaunch.shipped(this);
			}
			return this.launches.shipped;
		}
	}

	/**
	 * Timekeeper without an AOT cache, with the JVM options of every other child.
	 * @return the launch
	 */
	TimekeeperLaunch timekeeperWithoutCache() throws Exception {
		synchronized (this.launches) {
			if (this.launches.plain == null) {
				this.launches.plain = TimekeeperLaunch.plain(this);
			}
			return this.launches.plain;
		}
	}

	Path logs() {
		return this.root.resolve("logs");
	}

	Path data() {
		return this.root.resolve("data");
	}

	void add(Line line) {
		this.summary.add(line);
	}

	/**
	 * Runs one case; a failure becomes an {@code error} line and the run goes on with the
	 * next case.
	 * @param name the case, as the error line names it
	 * @param body the case
	 */
	void attempt(String name, Case body) {
		try {
			body.run();
		}
		catch (Exception | AssertionError ex) {
			trace(name, ex);
			String message = String.valueOf(ex.getMessage());
			add(Line.of("error")
				.with("case", name)
				.with("message", message.substring(0, Math.min(300, message.length()))));
		}
	}

	/** The whole failure goes to {@code errors.log}; the summary gets one line. */
	private void trace(String name, Throwable failure) {
		StringWriter trace = new StringWriter();
		failure.printStackTrace(new PrintWriter(trace));
		try {
			Files.writeString(this.root.resolve("errors.log"), name + ": " + trace + "\n", StandardOpenOption.CREATE,
					StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			failure.addSuppressed(ex);
			failure.printStackTrace();
		}
	}

	/** A case of the run. */
	interface Case {

		void run() throws Exception;

	}

	/**
	 * The bare application's figures, for the targets that are ratios to them; zero until
	 * measured.
	 */
	static final class Reference {

		volatile long readyMillis;

		volatile long rssKib;

		volatile double getPerSecond;

	}

	/** Timekeeper's launches once made; guarded by itself. */
	static final class Launches {

		private TimekeeperLaunch shipped;

		private TimekeeperLaunch plain;

	}

}
