package dev.timekeeper.security;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Which role each API call needs, in one table that both the filter chain and the OpenAPI
 * document read, so the two cannot disagree. The first matching rule wins.
 */
final class AccessRules {

	static final List<Rule> API = List.of(new Rule(HttpMethod.GET, "/api/v1/**", Role.VIEWER),
			new Rule(HttpMethod.POST, "/api/v1/schedules/preview", Role.VIEWER),
			new Rule(HttpMethod.POST, "/api/v1/jobs/{group}/{name}/pause", Role.OPERATOR),
			new Rule(HttpMethod.POST, "/api/v1/jobs/{group}/{name}/resume", Role.OPERATOR),
			new Rule(HttpMethod.POST, "/api/v1/jobs/{group}/{name}/run", Role.OPERATOR),
			new Rule(null, "/api/v1/**", Role.ADMIN));

	private AccessRules() {
	}

	/**
	 * The role an API operation needs.
	 * @param method the operation's method
	 * @param path its path, as the OpenAPI document writes it
	 * @return the role, if the path is the API's
	 */
	static Optional<Role> roleFor(HttpMethod method, String path) {
		PathContainer container = PathContainer.parsePath(path);
		return API.stream().filter((rule) -> rule.matches(method, container)).map(Rule::role).findFirst();
	}

	/**
	 * One rule.
	 *
	 * @param method the method it applies to, or {@code null} for any
	 * @param pattern the paths it applies to
	 * @param role the role needed
	 */
	record Rule(@Nullable HttpMethod method, String pattern, Role role) {

		boolean matches(HttpMethod method, PathContainer path) {
			PathPattern parsed = PathPatternParser.defaultInstance.parse(this.pattern);
			return (this.method == null || this.method.equals(method)) && parsed.matches(path);
		}

	}

}
