package dev.timekeeper.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.timekeeper.support.Api.Response;
import dev.timekeeper.support.ApiTestSupport;
import dev.timekeeper.support.PrometheusText;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compose stack agrees with the image and with the service, since no Docker engine
 * runs here to find out: the ports, environment variables, health check, Prometheus
 * targets and Grafana's paths it names are those the Dockerfile builds and the service
 * reads, and the endpoints it relies on answer without credentials.
 */
class ComposeStackTests extends ApiTestSupport {

	private static final int SERVER_PORT = 8080;

	private static final String LIVENESS = "/actuator/health/liveness";

	@Test
	void theImageRunsAsAnotherUserThanRootWithItsDatabaseInAVolume() {
		assertThat(DeployFiles.imageInstructions("USER")).singleElement()
			.satisfies((user) -> assertThat(user.split(":")[0]).isNotIn("root", "0"));
		String workdir = DeployFiles.imageInstructions("WORKDIR").getLast();
		assertThat(applicationProperty("spring.datasource.url")).startsWith("jdbc:h2:file:./data/");
		assertThat(DeployFiles.imageInstructions("VOLUME")).containsExactly(workdir + "/data");
		assertThat(DeployFiles.imageInstructions("ENTRYPOINT")).singleElement().asString().startsWith("[\"java\"");
		assertThat(DeployFiles.imageInstructions("ENV"))
			.anySatisfy((env) -> assertThat(env).startsWith("JAVA_TOOL_OPTIONS=")
				.contains("-XX:MaxRAMPercentage=", "-XX:+ExitOnOutOfMemoryError"));
	}

	@Test
	void everyReplicaIsPublishedOnThePortTheImageExposesAndTheServiceListensOn() {
		assertThat(applicationProperty("server.port")).isEqualTo(String.valueOf(SERVER_PORT));
		assertThat(DeployFiles.imageInstructions("EXPOSE")).containsExactly(String.valueOf(SERVER_PORT));
		Map<String, Map<String, Object>> replicas = DeployFiles.timekeeperServices();
		assertThat(replicas).hasSizeGreaterThanOrEqualTo(2);
		List<String> hostPorts = new ArrayList<>();
		replicas.forEach((name, service) -> {
			assertThat(ports(service)).as(name).singleElement().satisfies((port) -> {
				String[] parts = port.split(":");
				assertThat(parts[parts.length - 1]).as(name).isEqualTo(String.valueOf(SERVER_PORT));
				hostPorts.add(parts[parts.length - 2]);
			});
		});
		assertThat(hostPorts).doesNotHaveDuplicates();
	}

	@Test
	void everyVariableTheStackSetsBindsToAPropertyTheServiceReads() throws IOException {
		Map<String, String> properties = configurationMetadata();
		Set<String> unbound = new TreeSet<>();
		Set<String> variables = new TreeSet<>();
		DeployFiles.timekeeperServices().values().forEach((service) -> variables.addAll(environment(service).keySet()));
		assertThat(variables).contains("SPRING_DATASOURCE_URL", "TIMEKEEPER_SECURITY_USERS_0_PASSWORD");
		for (String variable : variables) {
			if (variable.startsWith("TIMEKEEPER_") || variable.startsWith("SPRING_") || variable.startsWith("SERVER_")
					|| variable.startsWith("MANAGEMENT_")) {
				if (!binds(variable, properties)) {
					unbound.add(variable);
				}
			}
			else {
				unbound.add(variable + " (not the service's)");
			}
		}
		assertThat(unbound).as("variables no property of the service reads").isEmpty();
	}

	@Test
	void everyVariableTheComposeFileInterpolatesIsDescribedInTheEnvironmentExample() {
		Set<String> interpolated = new TreeSet<>();
		Matcher matcher = Pattern.compile("\\$\\{([A-Z0-9_]+)").matcher(DeployFiles.text(DeployFiles.COMPOSE));
		while (matcher.find()) {
			interpolated.add(matcher.group(1));
		}
		String example = DeployFiles.text(Path.of(".env.example"));
		assertThat(interpolated).isNotEmpty()
			.allSatisfy((variable) -> assertThat(example).containsPattern("(?m)^#?" + variable + "="));
	}

	@Test
	void theDatabaseTheReplicasUseIsThePostgresService() {
		Map<String, Object> postgres = DeployFiles.services().get("postgres");
		Map<String, String> database = environment(postgres);
		DeployFiles.timekeeperServices().values().forEach((service) -> {
			Map<String, String> environment = environment(service);
			URI url = URI.create(environment.get("SPRING_DATASOURCE_URL").substring("jdbc:".length()));
			assertThat(url.getScheme()).isEqualTo("postgresql");
			assertThat(url.getHost()).isEqualTo("postgres");
			assertThat(url.getPort()).isEqualTo(5432);
			assertThat(url.getPath()).isEqualTo("/" + database.get("POSTGRES_DB"));
			assertThat(environment.get("SPRING_DATASOURCE_USERNAME")).isEqualTo(database.get("POSTGRES_USER"));
			assertThat(environment.get("SPRING_DATASOURCE_PASSWORD")).isEqualTo(database.get("POSTGRES_PASSWORD"));
			assertThat(environment.get("TIMEKEEPER_CLUSTER_ENABLED")).isEqualTo("true");
		});
		assertThat(dependsOn(DeployFiles.timekeeperServices().values().iterator().next())).contains("postgres");
	}

	@Test
	void theHealthCheckProbesLivenessWhichAnswersWithoutCredentials() {
		assertThat(DeployFiles.imageInstructions("HEALTHCHECK")).singleElement()
			.asString()
			.contains("GET " + LIVENESS + " ", "${SERVER_PORT:-" + SERVER_PORT + "}");
		DeployFiles.timekeeperServices()
			.forEach((name, service) -> assertThat(service.get("healthcheck")).as("%s keeps the image's", name)
				.isNull());
		Response liveness = this.api.as(null).get(LIVENESS);
		assertThat(liveness.status()).isEqualTo(200);
		assertThat(liveness.json().path("status").asString()).isEqualTo("UP");
	}

	@Test
	@SuppressWarnings("unchecked")
	void prometheusScrapesEveryReplicaByServiceNameOnTheServicesPortWithoutCredentials() {
		Map<String, Object> prometheus = DeployFiles.yaml(DeployFiles.PROMETHEUS);
		Map<String, Object> job = ((List<Map<String, Object>>) prometheus.get("scrape_configs")).stream()
			.filter((config) -> "timekeeper".equals(config.get("job_name")))
			.findFirst()
			.orElseThrow();
		List<String> targets = new ArrayList<>();
		((List<Map<String, Object>>) job.get("static_configs"))
			.forEach((config) -> targets.addAll((List<String>) config.get("targets")));
		assertThat(targets).containsExactlyInAnyOrderElementsOf(
				DeployFiles.timekeeperServices().keySet().stream().map((name) -> name + ":" + SERVER_PORT).toList());

		Response scrape = this.api.as(null).get(String.valueOf(job.get("metrics_path")));
		assertThat(scrape.status()).isEqualTo(200);
		assertThat(PrometheusText.parse(scrape.body()).find("timekeeper_executions_running")).hasSize(1);

		for (String rules : (List<String>) prometheus.get("rule_files")) {
			assertThat(DeployFiles.PROMETHEUS.resolveSibling(rules)).exists();
		}
		Map<String, Object> service = DeployFiles.services().get("prometheus");
		String config = ((List<String>) service.get("command")).stream()
			.filter((argument) -> argument.startsWith("--config.file="))
			.findFirst()
			.orElseThrow()
			.substring("--config.file=".length());
		assertThat(mounts(service)).containsEntry("./" + separators(DeployFiles.PROMETHEUS.getParent()),
				config.substring(0, config.lastIndexOf('/')));
		assertThat(config).endsWith("/" + DeployFiles.PROMETHEUS.getFileName());
	}

	@Test
	@SuppressWarnings("unchecked")
	void grafanaReadsPrometheusAndTheDashboardFromWhereComposeMountsThem() {
		Map<String, Object> grafana = DeployFiles.services().get("grafana");
		Map<String, String> mounts = mounts(grafana);
		assertThat(mounts).containsEntry("./deploy/grafana/provisioning", "/etc/grafana/provisioning");

		Map<String, Object> datasource = ((List<Map<String, Object>>) DeployFiles.yaml(DeployFiles.DATASOURCES)
			.get("datasources")).getFirst();
		URI url = URI.create(String.valueOf(datasource.get("url")));
		assertThat(DeployFiles.services()).containsKey(url.getHost());
		assertThat(ports(DeployFiles.services().get(url.getHost())))
			.anySatisfy((port) -> assertThat(port).endsWith(":" + url.getPort()));

		Map<String, Object> provider = ((List<Map<String, Object>>) DeployFiles.yaml(DeployFiles.DASHBOARD_PROVIDERS)
			.get("providers")).getFirst();
		String dashboards = String.valueOf(((Map<String, Object>) provider.get("options")).get("path"));
		assertThat(mounts).containsEntry("./" + separators(DeployFiles.DASHBOARD.getParent()), dashboards);
		assertThat(environment(grafana).get("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH"))
			.isEqualTo(dashboards + "/" + DeployFiles.DASHBOARD.getFileName());
	}

	/**
	 * Whether an environment variable sets a property, by Spring Boot's own relaxed
	 * binding: a property of the metadata, or a field of an element of a list property.
	 */
	private static boolean binds(String variable, Map<String, String> properties) {
		ConfigurationPropertySource source = ConfigurationPropertySources
			.from(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					Map.of(variable, "value")))
			.iterator()
			.next();
		for (Map.Entry<String, String> property : properties.entrySet()) {
			if (source.getConfigurationProperty(ConfigurationPropertyName.of(property.getKey())) != null) {
				return true;
			}
			Matcher element = Pattern.compile("java\\.util\\.List<(.+)>").matcher(property.getValue());
			if (element.matches()) {
				for (String field : fields(element.group(1))) {
					for (int index = 0; index < 10; index++) {
						String name = property.getKey() + "[" + index + "]." + field;
						if (source.getConfigurationProperty(ConfigurationPropertyName.of(name)) != null) {
							return true;
						}
					}
				}
			}
		}
		return false;
	}

	/** The properties of a record, in the dashed form. */
	private static List<String> fields(String type) {
		try {
			Class<?> element = Class.forName(type);
			List<String> fields = new ArrayList<>();
			if (element.isRecord()) {
				for (RecordComponent component : element.getRecordComponents()) {
					fields.add(component.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase());
				}
			}
			return fields;
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Every property in the configuration metadata of the service and of Spring Boot. */
	private static Map<String, String> configurationMetadata() throws IOException {
		Map<String, String> properties = new HashMap<>();
		JsonMapper json = JsonMapper.builder().build();
		Resource[] resources = new PathMatchingResourcePatternResolver()
			.getResources("classpath*:META-INF/spring-configuration-metadata.json");
		assertThat(resources).as("the service's own metadata, besides Spring Boot's")
			.anySatisfy((resource) -> assertThat(resource.getURL().toString()).doesNotContain(".jar!"));
		for (Resource resource : resources) {
			try (InputStream in = resource.getInputStream()) {
				for (JsonNode property : json.readTree(in).path("properties")) {
					properties.put(property.path("name").asString(), property.path("type").asString(""));
				}
			}
		}
		return properties;
	}

	private static String applicationProperty(String dotted) {
		Object value = DeployFiles.yaml(DeployFiles.APPLICATION);
		for (String key : dotted.split("\\.")) {
			value = ((Map<?, ?>) value).get(key);
		}
		return String.valueOf(value);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, String> environment(Map<String, Object> service) {
		Map<String, String> environment = new HashMap<>();
		((Map<String, Object>) service.getOrDefault("environment", Map.of()))
			.forEach((key, value) -> environment.put(key, String.valueOf(value)));
		return environment;
	}

	@SuppressWarnings("unchecked")
	private static List<String> ports(Map<String, Object> service) {
		return ((List<Object>) service.getOrDefault("ports", List.of())).stream().map(String::valueOf).toList();
	}

	@SuppressWarnings("unchecked")
	private static Set<String> dependsOn(Map<String, Object> service) {
		Object dependsOn = service.get("depends_on");
		return (dependsOn instanceof Map<?, ?> map) ? (Set<String>) map.keySet()
				: new LinkedHashSet<>((List<String>) dependsOn);
	}

	/** A service's bind mounts, source to target, without their options. */
	@SuppressWarnings("unchecked")
	private static Map<String, String> mounts(Map<String, Object> service) {
		Map<String, String> mounts = new HashMap<>();
		for (Object volume : (List<Object>) service.getOrDefault("volumes", List.of())) {
			String[] parts = String.valueOf(volume).split(":");
			if (parts[0].startsWith(".")) {
				mounts.put(parts[0], parts[1]);
			}
		}
		return mounts;
	}

	private static String separators(Path path) {
		return path.toString().replace('\\', '/');
	}

}
