package dev.timekeeper.security;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * API tokens ({@code Authorization: Bearer <token>}) with Spring Security's own
 * {@code AuthenticationFilter}: this reads the header and checks the token against the
 * configured hashes.
 */
final class BearerTokens implements AuthenticationConverter, AuthenticationProvider {

	private static final String PREFIX = "Bearer ";

	private final Credentials credentials;

	BearerTokens(Credentials credentials) {
		this.credentials = credentials;
	}

	@Override
	public @Nullable Authentication convert(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
			return null;
		}
		String token = header.substring(PREFIX.length()).trim();
		if (token.isEmpty()) {
			throw new BadCredentialsException("empty bearer token");
		}
		return new TokenAuthentication(token, null);
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String presented = (String) authentication.getCredentials();
		SecurityProperties.Token token = this.credentials.token((presented != null) ? presented : "")
			.orElseThrow(() -> new BadCredentialsException("unknown token"));
		return new TokenAuthentication(null, token);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return TokenAuthentication.class.isAssignableFrom(authentication);
	}

	/** A bearer token: presented (not yet checked) or checked. */
	static final class TokenAuthentication extends AbstractAuthenticationToken {

		private final @Nullable String presented;

		private final SecurityProperties.@Nullable Token token;

		TokenAuthentication(@Nullable String presented, SecurityProperties.@Nullable Token token) {
			super((token != null) ? token.role().granted() : List.of());
			this.presented = presented;
			this.token = token;
			setAuthenticated(token != null);
		}

		@Override
		public @Nullable Object getCredentials() {
			return this.presented;
		}

		@Override
		public Object getPrincipal() {
			return (this.token != null) ? "token:" + this.token.name() : "token";
		}

	}

}
