package dev.timekeeper.probe;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The allow-list as an operator writes it in configuration.
 */
class HttpProbePropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(ProbeConfiguration.class);

	@Test
	void nothingIsAllowedByDefault() {
		this.runner.run((context) -> assertThat(context.getBean(HttpProbeProperties.class).allowed()).isEmpty());
	}

	@Test
	void addressesAndBlocksAreReadFromACommaSeparatedList() {
		this.runner.withPropertyValues("timekeeper.http-probe.allowed=10.20.0.0/16, 127.0.0.1,::1")
			.run((context) -> assertThat(context.getBean(HttpProbeProperties.class).allowed()).containsExactly(
					AddressRange.of("10.20.0.0/16"), AddressRange.of("127.0.0.1/32"), AddressRange.of("::1/128")));
	}

	@Test
	void aHostNameInTheAllowListStopsTheStartWithTheReason() {
		this.runner.withPropertyValues("timekeeper.http-probe.allowed=internal.example.com")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("'internal.example.com' is not an IP address"));
	}

}
