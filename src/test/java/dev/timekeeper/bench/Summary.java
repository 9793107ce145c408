package dev.timekeeper.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The run's summary lines: printed as they come and appended to
 * {@code target/bench/summary.txt}, so a run cut short keeps what it measured.
 */
final class Summary {

	private final Path file;

	private final Path timeline;

	private final long begin = System.nanoTime();

	private final List<String> errors = new ArrayList<>();

	/**
	 * An empty summary.
	 * @param file the summary file
	 * @param timeline a file of the same lines, each with the seconds since the start of
	 * the run, to see where the time goes
	 */
	Summary(Path file, Path timeline) throws IOException {
		this.file = file;
		this.timeline = timeline;
		Files.writeString(file, "");
		Files.writeString(timeline, "");
	}

	synchronized void add(Line line) {
		String text = line.toString();
		System.out.println(text);
		try {
			Files.writeString(this.file, text + "\n", StandardOpenOption.APPEND);
			Files.writeString(this.timeline,
					"+%ds %s%n".formatted((System.nanoTime() - this.begin) / 1_000_000_000, text),
					StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (text.startsWith("error ")) {
			this.errors.add(text);
		}
	}

	synchronized List<String> errors() {
		return List.copyOf(this.errors);
	}

	Path file() {
		return this.file;
	}

}
