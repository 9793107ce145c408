package dev.timekeeper.deploy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Prometheus's own checker accepts the shipped configuration and rules, and the rules'
 * unit tests ({@code alerts-tests.yml}) pass. Skipped where {@code promtool} is not
 * installed (Debian and Ubuntu: the {@code prometheus} package).
 */
class PromtoolTests {

	private static final Path TESTS = DeployFiles.ALERTS.resolveSibling("alerts-tests.yml");

	private static Path promtool;

	@BeforeAll
	static void findPromtool() {
		promtool = List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
			.stream()
			.map((directory) -> Path.of(directory, "promtool"))
			.filter(Files::isExecutable)
			.findFirst()
			.orElse(null);
		assumeTrue(promtool != null, "promtool is not installed");
	}

	@Test
	void theConfigurationIsValidAndItsRuleFilesLoad() throws Exception {
		assertThat(promtool("check", "config", DeployFiles.PROMETHEUS.toString())).contains("SUCCESS");
	}

	@Test
	void theAlertRulesAreValid() throws Exception {
		assertThat(promtool("check", "rules", DeployFiles.ALERTS.toString())).contains("SUCCESS");
	}

	@Test
	void theAlertRulesPassTheirUnitTests() throws Exception {
		assertThat(promtool("test", "rules", TESTS.toString())).contains("SUCCESS");
	}

	private static String promtool(String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(promtool.toString()));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		return output;
	}

}
