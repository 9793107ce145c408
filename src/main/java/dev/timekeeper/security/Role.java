package dev.timekeeper.security;

import java.util.Arrays;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** What a user or token may do; each role may do everything the one before it may. */
public enum Role {

	/** Read jobs, executions, job types and the scheduler; preview schedules. */
	VIEWER,

	/** And pause, resume and run jobs. */
	OPERATOR,

	/**
	 * And create, replace and delete jobs, and pause or resume groups and the scheduler.
	 */
	ADMIN;

	String authority() {
		return "ROLE_" + name();
	}

	/**
	 * The authorities a user or token with this role is granted: its own and those of the
	 * roles before it. Granted at authentication rather than worked out by a
	 * {@code RoleHierarchy} on every request: that one formats a debug message each time
	 * (commons-logging renders it before SLF4J checks the level), about 2% of the CPU
	 * time of GET one job.
	 * @return the authorities
	 */
	List<GrantedAuthority> granted() {
		return Arrays.stream(values())
			.filter((role) -> role.compareTo(this) <= 0)
			.<GrantedAuthority>map((role) -> new SimpleGrantedAuthority(role.authority()))
			.toList();
	}

}
