package dev.timekeeper.probe;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Which addresses a probe may reach, and how the allow-list is written.
 */
class AddressPolicyTests {

	private final AddressPolicy policy = new AddressPolicy(List.of());

	@ParameterizedTest(name = "{0} is {1}")
	@CsvSource(delimiter = '|', textBlock = """
			127.0.0.1          | a loopback address
			127.255.0.9        | a loopback address
			::1                | a loopback address
			0.0.0.0            | an unspecified address
			::                 | an unspecified address
			10.1.2.3           | a private address
			172.31.255.255     | a private address
			192.168.0.1        | a private address
			100.64.0.1         | a carrier-grade NAT address
			169.254.169.254    | the cloud metadata address
			169.254.1.1        | a link-local address
			fe80::1            | a link-local address
			fd00:ec2::254      | the cloud metadata address
			fd12:3456::1       | a unique local (private) address
			224.0.0.1          | a multicast address
			ff02::1            | a multicast address
			255.255.255.255    | a reserved address
			::ffff:10.0.0.1    | a private address
			::127.0.0.1        | an address that embeds 127.0.0.1, a loopback address
			64:ff9b::a9fe:a9fe | an address that embeds 169.254.169.254, the cloud metadata address
			2002:a00:1::1      | an address that embeds 10.0.0.1, a private address
			""")
	void specialAddressesAreRefused(String address, String why) {
		assertThat(this.policy.refusal(AddressRange.literal(address))).hasValue(why);
	}

	@ParameterizedTest
	@ValueSource(strings = { "93.184.215.14", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700:4700::1111",
			"2002:5db8:d70e::1", "64:ff9b::808:808" })
	void publicAddressesAreAllowed(String address) {
		assertThat(this.policy.refusal(AddressRange.literal(address))).isEmpty();
	}

	@Test
	void theAllowListOpensExactlyItsRanges() {
		AddressPolicy policy = new AddressPolicy(
				List.of(AddressRange.of("10.20.0.0/16"), AddressRange.of("169.254.169.254"), AddressRange.of("::1")));
		assertThat(policy.refusal(AddressRange.literal("10.20.255.1"))).isEmpty();
		assertThat(policy.refusal(AddressRange.literal("10.21.0.1"))).hasValue("a private address");
		assertThat(policy.refusal(AddressRange.literal("169.254.169.254"))).isEmpty();
		assertThat(policy.refusal(AddressRange.literal("169.254.169.253"))).hasValue("a link-local address");
		assertThat(policy.refusal(AddressRange.literal("::1"))).isEmpty();
		assertThat(policy.refusal(AddressRange.literal("127.0.0.1"))).hasValue("a loopback address");
	}

	@Test
	void rangesAreParsedFromCidrOrSingleAddresses() {
		assertThat(AddressRange.of("10.1.2.3/8")).hasToString("10.0.0.0/8");
		assertThat(AddressRange.of("127.0.0.1")).hasToString("127.0.0.1/32");
		assertThat(AddressRange.of("::1")).hasToString("0:0:0:0:0:0:0:1/128");
		assertThat(AddressRange.of("fd00::/8").contains(AddressRange.literal("fdff::1"))).isTrue();
		assertThat(AddressRange.of("0.0.0.0/0").contains(AddressRange.literal("::1"))).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "localhost", "example.com", "10.0.0.0/33", "256.0.0.1", "10.0.0.0/x", "::1/129", "1.2.3",
			"", "fe80::1%eth0" })
	void anythingButALiteralAddressOrBlockIsRefused(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> AddressRange.of(text));
	}

}
