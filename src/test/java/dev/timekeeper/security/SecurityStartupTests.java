package dev.timekeeper.security;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.timekeeper.TimekeeperApplication;
import dev.timekeeper.support.Api;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Where credentials come from, each on an application of its own: a generated admin
 * password when none are configured, printed once and working; users and tokens from
 * environment variables; and a plain-text password refused at start-up.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecurityStartupTests {

	private static final Pattern GENERATED = Pattern
		.compile("generated a password for the user 'admin'[^\\n]*\\n\\s*\\n\\s+(\\S+)\\n");

	@TempDir
	Path directory;

	private ConfigurableApplicationContext context;

	@AfterEach
	void close() {
		if (this.context != null) {
			this.context.close();
		}
	}

	@Test
	void withNoCredentialsConfiguredAnAdminPasswordIsGeneratedPrintedOnceAndWorks(CapturedOutput output) {
		Api api = start(Map.of());

		Matcher generated = GENERATED.matcher(output.getOut());
		assertThat(generated.find()).as("the generated password in the log").isTrue();
		String password = generated.group(1);
		assertThat(password).hasSizeGreaterThanOrEqualTo(20);
		assertThat(output.getOut().split(Pattern.quote(password), -1)).as("printed exactly once").hasSize(2);
		assertThat(api.as(null).get("/api/v1/jobs").status()).as("never open").isEqualTo(401);
		assertThat(api.as(Api.basic("admin", "admin")).get("/api/v1/jobs").status()).isEqualTo(401);
		assertThat(api.as(Api.basic("admin", password)).get("/api/v1/jobs").status()).isEqualTo(200);
		assertThat(api.as(Api.basic("admin", password))
			.post("/api/v1/jobs",
					"{\"name\": \"generated\", \"type\": \"noop\", \"schedule\": {\"kind\": \"cron\", \"expression\": \"@yearly\"}}")
			.status()).as("the generated user is an admin").isEqualTo(201);
	}

	@Test
	void usersAndTokensFromEnvironmentVariablesWork(CapturedOutput output) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("TIMEKEEPER_SECURITY_USERS_0_NAME", "alice");
		variables.put("TIMEKEEPER_SECURITY_USERS_0_PASSWORD",
				"{bcrypt}$2a$04$QBdTYSB.ykjQjXQgQaNHlurO8e6jhUl6Yvy.WuIFStak2mQLgKbRq");
		variables.put("TIMEKEEPER_SECURITY_USERS_0_ROLE", "VIEWER");
		variables.put("TIMEKEEPER_SECURITY_TOKENS_0_NAME", "deployer");
		variables.put("TIMEKEEPER_SECURITY_TOKENS_0_SHA256",
				"17d6bfe05d1b1fb7bc499f8e3f639c7b3eda4c40f321eef8887a0c04c89a99c5");
		variables.put("TIMEKEEPER_SECURITY_TOKENS_0_ROLE", "ADMIN");
		Api api = start(variables);

		assertThat(output.getOut()).doesNotContain("generated a password");
		Api alice = api.as(Api.basic("alice", "viewer-secret"));
		assertThat(alice.get("/api/v1/jobs").status()).isEqualTo(200);
		assertThat(alice.post("/api/v1/jobs",
				"{\"name\": \"by-alice\", \"type\": \"noop\", \"schedule\": {\"kind\": \"cron\", \"expression\": \"@yearly\"}}")
			.status()).as("alice is a viewer").isEqualTo(403);
		Api deployer = api.as(Api.bearer("test-admin-token"));
		assertThat(deployer.post("/api/v1/jobs",
				"{\"name\": \"by-token\", \"type\": \"noop\", \"schedule\": {\"kind\": \"cron\", \"expression\": \"@yearly\"}}")
			.status()).isEqualTo(201);
		assertThat(output.getOut()).contains("token:deployer POST /api/v1/jobs -> 201");
		assertThat(api.as(Api.basic("admin", Api.ADMIN_PASSWORD)).get("/api/v1/jobs").status())
			.as("no user but those configured")
			.isEqualTo(401);
	}

	@Test
	void aPlainTextPasswordIsRefusedAtStartUp() {
		assertThatThrownBy(() -> start(Map.of("TIMEKEEPER_SECURITY_USERS_0_NAME", "bob",
				"TIMEKEEPER_SECURITY_USERS_0_PASSWORD", "{noop}secret", "TIMEKEEPER_SECURITY_USERS_0_ROLE", "ADMIN")))
			.hasStackTraceContaining("never a plain password");
	}

	private Api start(Map<String, Object> environmentVariables) {
		StandardEnvironment environment = new StandardEnvironment();
		// the process's own environment, and these variables as if it held them too
		Map<String, Object> variables = new HashMap<>(System.getenv());
		variables.putAll(environmentVariables);
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
		SpringApplication application = new SpringApplication(TimekeeperApplication.class);
		application.setEnvironment(environment);
		String url = "jdbc:h2:file:" + this.directory.resolve("timekeeper").toAbsolutePath()
				+ ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000";
		this.context = application.run(List.of("--server.port=0", "--spring.datasource.url=" + url,
				"--spring.quartz.scheduler-name=timekeeper-security-tests",
				"--timekeeper.scheduler.shutdown-timeout=PT1S")
			.toArray(String[]::new));
		return new Api(this.context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
	}

}
