package dev.timekeeper.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * How the harness starts Timekeeper: its class path and the JVM options it adds to the
 * harness's own. As shipped (the default), Timekeeper starts with the JDK's ahead-of-time
 * cache made by a training run, as the Dockerfile makes it at image build and README
 * describes for {@code java -jar}; without a cache it starts as the other children do.
 *
 * @param classpath the class path: Timekeeper's classes in a jar (a cache holds classes
 * from jars only), then its runtime dependencies, in the order the cache was made with
 * @param jvmOptions the options added to the harness's {@code bench.jvm-options}
 * @param cache what it starts with: {@code aot} or {@code none}
 */
record TimekeeperLaunch(String classpath, List<String> jvmOptions, String cache) {

	static final String MAIN = "dev.timekeeper.TimekeeperApplication";

	/** Fires of the training run: as many as the Dockerfile's. */
	static final int TRAINING_RUNS = 10_000;

	/**
	 * Timekeeper without a cache, on the same class path as with one.
	 * @param harness the run
	 * @return the launch
	 */
	static TimekeeperLaunch plain(Harness harness) throws IOException {
		return new TimekeeperLaunch(classpath(harness), List.of(), "none");
	}

	/**
	 * Timekeeper as shipped: makes its AOT cache by a training run, as the Dockerfile
	 * does (the application started on a scratch H2 database, where it fires 10,000
	 * one-shot jobs and exits, {@code timekeeper.startup.training-runs}).
	 * @param harness the run
	 * @return the launch with the cache
	 */
	static TimekeeperLaunch shipped(Harness harness) throws Exception {
		TimekeeperLaunch plain = plain(harness);
		Path cache = harness.root().resolve("timekeeper.aot");
		Files.deleteIfExists(cache);
		Database scratch = Database.fresh(harness, Database.H2, "aot_training");
		List<String> training = new ArrayList<>(List.of("-XX:AOTCacheOutput=" + cache));
		List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--timekeeper.default-jobs.enabled=false",
				"--timekeeper.startup.training-runs=" + TRAINING_RUNS));
		arguments.addAll(scratch.springArguments());
		try (ChildJvm jvm = ChildJvm.start(harness, "aot-training", plain.classpath(), training, MAIN, arguments)) {
			// longer than the training's own limit (5 minutes for the runs)
			int exit = jvm.awaitExit(Duration.ofMinutes(8));
			if (exit != 0 || !Files.isRegularFile(cache)) {
				throw new IllegalStateException(
						"the training run made no AOT cache (exit " + exit + "); see " + jvm.log());
			}
		}
		return new TimekeeperLaunch(plain.classpath(), List.of("-XX:AOTCache=" + cache), "aot");
	}

	/** Timekeeper's classes as a jar (once per run), then its dependencies. */
	private static String classpath(Harness harness) throws IOException {
		Path jar = harness.root().resolve("timekeeper.jar");
		if (!Files.isRegularFile(jar)) {
			writeJar(harness.classpaths().timekeeperClasses(), jar);
		}
		return harness.classpaths().timekeeper(jar);
	}

	private static void writeJar(Path classes, Path jar) throws IOException {
		try (OutputStream out = Files.newOutputStream(jar);
				JarOutputStream jarOut = new JarOutputStream(out);
				Stream<Path> files = Files.walk(classes)) {
			for (Path file : files.filter((f) -> !f.equals(classes)).sorted().toList()) {
				String name = classes.relativize(file).toString().replace('\\', '/');
				// directory entries too: component scanning finds a package through them
				boolean directory = Files.isDirectory(file);
				jarOut.putNextEntry(new JarEntry(directory ? name + "/" : name));
				if (!directory) {
					Files.copy(file, jarOut);
				}
				jarOut.closeEntry();
			}
		}
	}

}
