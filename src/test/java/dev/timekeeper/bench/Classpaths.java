package dev.timekeeper.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The class paths of the child JVMs, each cut from the test class path to what its
 * application would have on its own: the runtime closure of its root artifacts, read from
 * the POMs next to the jars in the local Maven repository. Only versions on the test
 * class path are used, so every application runs the same library versions as Timekeeper
 * does; exclusions in POMs are not applied (the test class path already reflects them).
 */
final class Classpaths {

	private static final Set<String> RUNTIME_SCOPES = Set.of("", "compile", "runtime");

	/** Jars of the test class path by {@code groupId:artifactId}. */
	private final Map<String, Path> jars = new LinkedHashMap<>();

	private final Path classes;

	private final Path testClasses;

	private Classpaths(List<Path> entries) {
		Path classes = null;
		Path testClasses = null;
		for (Path entry : entries) {
			if (Files.isDirectory(entry)) {
				if (entry.endsWith(Path.of("target", "classes"))) {
					classes = entry;
				}
				else if (entry.endsWith(Path.of("target", "test-classes"))) {
					testClasses = entry;
				}
			}
			else if (entry.toString().endsWith(".jar")) {
				Pom pom = Pom.nextTo(entry);
				if (pom != null) {
					this.jars.putIfAbsent(pom.key(), entry);
				}
			}
		}
		this.classes = require(classes, "target/classes");
		this.testClasses = require(testClasses, "target/test-classes");
	}

	/**
	 * The class path this test JVM runs with.
	 * @return its entries, sorted by artifact
	 */
	static Classpaths ofTestRun() {
		String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		return new Classpaths(List.of(path.split(File.pathSeparator)).stream().map(Path::of).toList());
	}

	/**
	 * Timekeeper as {@code java -jar} runs it: its classes and its own dependencies'
	 * runtime closure (those of the project's {@code pom.xml}), no test library.
	 * @param application Timekeeper's classes, a jar of {@link #timekeeperClasses()}
	 * @return the class path
	 */
	String timekeeper(Path application) {
		List<String> roots = Pom.read(Path.of("pom.xml").toAbsolutePath()).dependencies();
		return join(List.of(application), closure(roots));
	}

	/**
	 * Timekeeper's compiled classes.
	 * @return {@code target/classes}
	 */
	Path timekeeperClasses() {
		return this.classes;
	}

	/**
	 * An application of the test sources (packages {@code benchmark.*}) with the given
	 * libraries only. The test classes directory holds Timekeeper's tests too, but
	 * nothing scans their packages from {@code benchmark.*}.
	 * @param roots {@code groupId:artifactId} of the libraries
	 * @return the class path
	 */
	String benchmarkApplication(String... roots) {
		return join(List.of(this.testClasses), closure(List.of(roots)));
	}

	private List<Path> closure(List<String> roots) {
		Set<String> seen = new LinkedHashSet<>();
		Deque<String> pending = new ArrayDeque<>(roots);
		while (!pending.isEmpty()) {
			String key = pending.pop();
			Path jar = this.jars.get(key);
			if (jar == null || !seen.add(key)) {
				continue;
			}
			Pom pom = Pom.nextTo(jar);
			pending.addAll(pom.dependencies());
		}
		return seen.stream().map(this.jars::get).toList();
	}

	private static String join(List<Path> directories, List<Path> jars) {
		List<String> entries = new ArrayList<>();
		directories.forEach((directory) -> entries.add(directory.toString()));
		jars.forEach((jar) -> entries.add(jar.toString()));
		return String.join(File.pathSeparator, entries);
	}

	private static Path require(Path path, String what) {
		if (path == null) {
			throw new IllegalStateException(what + " is not on the test class path");
		}
		return path;
	}

	/**
	 * What a POM says about its artifact: its key and its runtime dependencies, its
	 * parents' included (a parent's {@code <dependencies>} are inherited).
	 *
	 * @param key {@code groupId:artifactId}
	 * @param dependencies keys of its compile and runtime dependencies, not optional
	 */
	private record Pom(String key, List<String> dependencies) {

		/** The POM Maven stored next to a jar, or null for a jar from elsewhere. */
		static Pom nextTo(Path jar) {
			Path version = jar.getParent();
			Path artifact = (version != null) ? version.getParent() : null;
			if (artifact == null) {
				return null;
			}
			Path pom = version.resolve(artifact.getFileName() + "-" + version.getFileName() + ".pom");
			return Files.isRegularFile(pom) ? read(pom) : null;
		}

		static Pom read(Path file) {
			try {
				DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
				factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
				Element project = factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
				Element parent = child(project, "parent");
				String groupId = text(project, "groupId", (parent != null) ? text(parent, "groupId", "") : "");
				String artifactId = text(project, "artifactId", "");
				List<String> dependencies = new ArrayList<>();
				Element list = child(project, "dependencies");
				for (Element dependency : children(list, "dependency")) {
					if (RUNTIME_SCOPES.contains(text(dependency, "scope", ""))
							&& !"true".equals(text(dependency, "optional", ""))) {
						dependencies.add(text(dependency, "groupId", "").replace("${project.groupId}", groupId) + ":"
								+ text(dependency, "artifactId", ""));
					}
				}
				if (parent != null) {
					Pom inherited = parent(file, parent);
					if (inherited != null) {
						dependencies.addAll(inherited.dependencies());
					}
				}
				return new Pom(groupId + ":" + artifactId, dependencies);
			}
			catch (Exception ex) {
				throw new IllegalStateException("cannot read " + file, ex);
			}
		}

		/** The parent POM, found in the same local repository, or null. */
		private static Pom parent(Path file, Element parent) {
			String groupId = text(parent, "groupId", "");
			Path repository = file.getParent().getParent().getParent();
			for (int i = 0; i < groupId.split("\\.").length && repository != null; i++) {
				repository = repository.getParent();
			}
			if (repository == null) {
				return null;
			}
			String artifactId = text(parent, "artifactId", "");
			String version = text(parent, "version", "");
			Path pom = repository.resolve(groupId.replace('.', '/'))
				.resolve(artifactId)
				.resolve(version)
				.resolve(artifactId + "-" + version + ".pom");
			return Files.isRegularFile(pom) ? read(pom) : null;
		}

		private static Element child(Element parent, String name) {
			List<Element> found = children(parent, name);
			return found.isEmpty() ? null : found.getFirst();
		}

		private static List<Element> children(Element parent, String name) {
			List<Element> found = new ArrayList<>();
			if (parent != null) {
				for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
					if (node instanceof Element element && element.getTagName().equals(name)) {
						found.add(element);
					}
				}
			}
			return found;
		}

		private static String text(Element parent, String name, String otherwise) {
			Element element = child(parent, name);
			return (element != null) ? element.getTextContent().trim() : otherwise;
		}

	}

}
