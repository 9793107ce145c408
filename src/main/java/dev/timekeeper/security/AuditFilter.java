package dev.timekeeper.security;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The audit log ({@code dev.timekeeper.audit}): every request that may change something
 * (create, replace, delete, pause, resume, run, group and scheduler operations), who made
 * it, and how it was answered; and every request refused for want of a role.
 */
class AuditFilter extends OncePerRequestFilter {

	private static final Logger audit = LoggerFactory.getLogger("dev.timekeeper.audit");

	private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		finally {
			if (isChange(request)) {
				audit.info("{} {} {} -> {}", who(), request.getMethod(), request.getRequestURI(), response.getStatus());
			}
		}
	}

	static void denied(HttpServletRequest request) {
		audit.warn("{} {} {} -> 403 denied", who(), request.getMethod(), request.getRequestURI());
	}

	private static boolean isChange(HttpServletRequest request) {
		return !READS.contains(request.getMethod()) && request.getRequestURI().startsWith("/api/v1/")
				&& !request.getRequestURI().equals("/api/v1/schedules/preview");
	}

	private static String who() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null) ? authentication.getName() : "anonymous";
	}

}
