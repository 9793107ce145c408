package dev.timekeeper.security;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may use the API. Secrets are only ever given as hashes. With no users and no
 * tokens, an {@code admin} password is generated at start-up and logged once.
 * <p>
 * From environment variables: {@code TIMEKEEPER_SECURITY_USERS_0_NAME=alice},
 * {@code TIMEKEEPER_SECURITY_USERS_0_PASSWORD={bcrypt}$2a$10$...},
 * {@code TIMEKEEPER_SECURITY_USERS_0_ROLE=ADMIN}, and likewise
 * {@code TIMEKEEPER_SECURITY_TOKENS_0_NAME}, {@code _SHA256}, {@code _ROLE}.
 *
 * @param users HTTP Basic users
 * @param tokens API tokens, sent as {@code Authorization: Bearer <token>}
 * @param prometheusPublic whether {@code /actuator/prometheus} is open without
 * credentials (when false it needs the {@code VIEWER} role)
 */
@Validated
@ConfigurationProperties("timekeeper.security")
public record SecurityProperties(@DefaultValue List<@Valid User> users, @DefaultValue List<@Valid Token> tokens,
		@DefaultValue("true") boolean prometheusPublic) {

	/**
	 * An HTTP Basic user.
	 *
	 * @param name the user name
	 * @param password the password's hash in Spring Security's format, such as
	 * {@code {bcrypt}$2a$10$...} (a plain {@code {noop}} password is refused)
	 * @param role what the user may do
	 */
	public record User(@NotNull @Pattern(regexp = "[A-Za-z0-9._@-]{1,100}") String name, @NotNull @Pattern(
			regexp = "\\{(bcrypt|argon2@SpringSecurity_v5_8|pbkdf2@SpringSecurity_v5_8|scrypt@SpringSecurity_v5_8|argon2|pbkdf2|scrypt)\\}.+",
			message = "must be a hash such as {bcrypt}$2a$10$..., never a plain password") String password,
			@NotNull Role role) {

		@Override
		public String toString() {
			return "User[name=" + this.name + ", role=" + this.role + "]";
		}

	}

	/**
	 * An API token, known only by its SHA-256 (tokens are long random strings, for which
	 * a fast hash is as safe as a slow one and keeps each request cheap).
	 *
	 * @param name who the token belongs to, as the audit log shows it
	 * @param sha256 the hex SHA-256 of the token, as
	 * {@code printf %s "$TOKEN" | sha256sum} prints it
	 * @param role what the token may do
	 */
	public record Token(@NotNull @Pattern(regexp = "[A-Za-z0-9._@-]{1,100}") String name,
			@NotNull @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be 64 hex digits") String sha256,
			@NotNull Role role) {

		@Override
		public String toString() {
			return "Token[name=" + this.name + ", role=" + this.role + "]";
		}

	}

}
