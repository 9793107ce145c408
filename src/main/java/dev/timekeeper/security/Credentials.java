package dev.timekeeper.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.timekeeper.security.SecurityProperties.Token;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The users and tokens from configuration. When neither is configured it makes up an
 * {@code admin} user with a random password and logs that password once, so a first start
 * works and is never open; only the password's hash is kept.
 */
class Credentials {

	static final String GENERATED_USER = "admin";

	private static final Logger logger = LoggerFactory.getLogger(Credentials.class);

	private final InMemoryUserDetailsManager users;

	private final Map<String, Token> tokensBySha256;

	Credentials(SecurityProperties properties, PasswordEncoder encoder) {
		List<UserDetails> details = new ArrayList<>();
		properties.users()
			.forEach((user) -> details.add(User.withUsername(user.name())
				.password(user.password())
				.authorities(user.role().granted())
				.build()));
		if (properties.users().isEmpty() && properties.tokens().isEmpty()) {
			String password = randomPassword();
			details.add(User.withUsername(GENERATED_USER)
				.password(encoder.encode(password))
				.authorities(Role.ADMIN.granted())
				.build());
			logger.warn("""

					No users or tokens are configured (timekeeper.security.*): generated a password for the user \
					'{}' with the ADMIN role:

					    {}

					It is not stored anywhere and changes at every start. Configure users or tokens to stop \
					generating it.
					""", GENERATED_USER, password);
		}
		this.users = new InMemoryUserDetailsManager(details);
		this.tokensBySha256 = properties.tokens()
			.stream()
			.collect(Collectors.toMap((token) -> token.sha256().toLowerCase(java.util.Locale.ROOT), Function.identity(),
					(a, b) -> {
						throw new IllegalStateException(
								"Tokens '" + a.name() + "' and '" + b.name() + "' have the same hash");
					}));
	}

	InMemoryUserDetailsManager users() {
		return this.users;
	}

	/**
	 * The token a client presented, if it is one of ours.
	 * @param presented the token from the request
	 * @return the configured token
	 */
	Optional<Token> token(String presented) {
		return Optional.ofNullable(this.tokensBySha256.get(sha256(presented)));
	}

	static String sha256(String value) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String randomPassword() {
		byte[] bytes = new byte[18];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
