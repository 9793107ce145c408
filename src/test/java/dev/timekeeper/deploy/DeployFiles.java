package dev.timekeeper.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The repository's container and deployment files, read as the tools that use them read
 * them: YAML, JSON, and the Dockerfile's instructions.
 */
final class DeployFiles {

	static final Path COMPOSE = Path.of("docker-compose.yml");

	static final Path DOCKERFILE = Path.of("Dockerfile");

	static final Path PROMETHEUS = Path.of("deploy", "prometheus", "prometheus.yml");

	static final Path ALERTS = Path.of("deploy", "prometheus", "alerts.yml");

	static final Path DATASOURCES = Path.of("deploy", "grafana", "provisioning", "datasources", "prometheus.yml");

	static final Path DASHBOARD_PROVIDERS = Path.of("deploy", "grafana", "provisioning", "dashboards",
			"timekeeper.yml");

	static final Path DASHBOARD = Path.of("deploy", "grafana", "dashboards", "timekeeper.json");

	static final Path APPLICATION = Path.of("src", "main", "resources", "application.yaml");

	private DeployFiles() {
	}

	static String text(Path path) {
		try {
			return Files.readString(path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A YAML file as maps and lists (merge keys, such as compose's {@code <<:}, merged).
	 * @param path the file
	 * @return its top-level mapping
	 */
	static Map<String, Object> yaml(Path path) {
		return new Yaml().load(text(path));
	}

	static JsonNode json(Path path) {
		return JsonMapper.builder().build().readTree(text(path));
	}

	/**
	 * The Dockerfile's instructions, continuation lines joined, comments left out.
	 * @return each instruction (upper case) with its arguments, in order
	 */
	static List<Map.Entry<String, String>> dockerfile() {
		List<Map.Entry<String, String>> instructions = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String line : text(DOCKERFILE).split("\n")) {
			if (line.stripLeading().startsWith("#") && current.isEmpty()) {
				continue;
			}
			if (line.endsWith("\\")) {
				current.append(line, 0, line.length() - 1).append(' ');
				continue;
			}
			current.append(line);
			String instruction = current.toString().strip();
			current.setLength(0);
			if (!instruction.isEmpty()) {
				String[] parts = instruction.split("\\s+", 2);
				instructions.add(Map.entry(parts[0].toUpperCase(), (parts.length > 1) ? parts[1] : ""));
			}
		}
		return instructions;
	}

	/**
	 * The arguments of the last stage's instructions of a kind (the image's own).
	 * @param instruction such as {@code EXPOSE}
	 * @return their arguments, in order
	 */
	static List<String> imageInstructions(String instruction) {
		List<Map.Entry<String, String>> all = dockerfile();
		int lastFrom = 0;
		for (int i = 0; i < all.size(); i++) {
			if (all.get(i).getKey().equals("FROM")) {
				lastFrom = i;
			}
		}
		return all.subList(lastFrom, all.size())
			.stream()
			.filter((entry) -> entry.getKey().equals(instruction))
			.map(Map.Entry::getValue)
			.toList();
	}

	/**
	 * Compose's services.
	 * @return each service's definition by name
	 */
	@SuppressWarnings("unchecked")
	static Map<String, Map<String, Object>> services() {
		return new LinkedHashMap<>((Map<String, Map<String, Object>>) yaml(COMPOSE).get("services"));
	}

	/**
	 * The services that run Timekeeper: those built from this repository.
	 * @return their definitions by name
	 */
	static Map<String, Map<String, Object>> timekeeperServices() {
		Map<String, Map<String, Object>> services = services();
		services.values().removeIf((service) -> !".".equals(service.get("build")));
		return services;
	}

}
