package dev.timekeeper.security;

import dev.timekeeper.validation.InvalidFieldsException;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * A stateless API behind HTTP Basic and bearer tokens: no session, no CSRF token (no
 * cookie ever authenticates a request), Spring Security's standard headers, and 401 and
 * 403 answered as Problem Details by the same advice as every other error.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

	static final String CHALLENGE = "Basic realm=\"timekeeper\", Bearer realm=\"timekeeper\"";

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	Credentials credentials(SecurityProperties properties, PasswordEncoder passwordEncoder) {
		return new Credentials(properties, passwordEncoder);
	}

	@Bean
	UserDetailsService userDetailsService(Credentials credentials) {
		return credentials.users();
	}

	/**
	 * Spring Security's firewall refuses URLs with encoded slashes, dots and other
	 * characters that could smuggle a path past the rules; such a request is answered as
	 * an invalid {@code path}, like any other bad input.
	 */
	@Bean
	RequestRejectedHandler requestRejectedHandler(
			@Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
		return (request, response, ex) -> resolver.resolveException(request, response, null, InvalidFieldsException
			.of("path", "rejected: the URL holds an encoded '/', '.', '%', ';' or another character it may not"));
	}

	/**
	 * No observations of Spring Security's own. With an observation registry present it
	 * wraps each of its filters, the authentication and the authorization in an
	 * observation of its own, about twenty per request, each a timer or counter to look
	 * up: a sixth of the CPU time of a GET of one job. Every request is still measured
	 * once, with its status (401 and 403 included), as {@code http.server.requests}; the
	 * audit log still records who changed what.
	 */
	@Bean
	static SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, Credentials credentials, SecurityProperties properties,
			@Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
		AuthenticationEntryPoint entryPoint = (request, response, ex) -> {
			response.setHeader("WWW-Authenticate", CHALLENGE);
			resolver.resolveException(request, response, null, ex);
		};
		AccessDeniedHandler denied = (request, response, ex) -> {
			AuditFilter.denied(request);
			resolver.resolveException(request, response, null, ex);
		};
		BearerTokens bearer = new BearerTokens(credentials);
		AuthenticationFilter tokens = new AuthenticationFilter(new ProviderManager(bearer), bearer);
		tokens.setSuccessHandler((request, response, authentication) -> {
		});
		tokens.setFailureHandler(new AuthenticationEntryPointFailureHandler(entryPoint));
		return http.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.httpBasic((basic) -> basic.realmName("timekeeper").authenticationEntryPoint(entryPoint))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
			.headers((headers) -> headers.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
			.addFilterBefore(tokens, BasicAuthenticationFilter.class)
			.addFilterAfter(new AuditFilter(), AuthorizationFilter.class)
			.authorizeHttpRequests((requests) -> authorize(requests, properties))
			.build();
	}

	private static void authorize(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests,
			SecurityProperties properties) {
		requests.requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info")
			.permitAll();
		if (properties.prometheusPublic()) {
			requests.requestMatchers(HttpMethod.GET, "/actuator/prometheus").permitAll();
		}
		else {
			requests.requestMatchers(HttpMethod.GET, "/actuator/prometheus").hasRole(Role.VIEWER.name());
		}
		requests.requestMatchers("/actuator/**").hasRole(Role.ADMIN.name());
		requests
			.requestMatchers(HttpMethod.GET, "/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs", "/v3/api-docs/**")
			.permitAll();
		requests.requestMatchers("/error").permitAll();
		for (AccessRules.Rule rule : AccessRules.API) {
			if (rule.method() != null) {
				requests.requestMatchers(rule.method(), rule.pattern()).hasRole(rule.role().name());
			}
			else {
				requests.requestMatchers(rule.pattern()).hasRole(rule.role().name());
			}
		}
		requests.anyRequest().authenticated();
	}

}
