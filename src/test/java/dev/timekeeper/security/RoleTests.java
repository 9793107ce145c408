package dev.timekeeper.security;

import org.junit.jupiter.api.Test;

import org.springframework.security.core.GrantedAuthority;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each role is granted its own authority and those of the roles before it, and no other:
 * what {@code hasRole} checks rely on now that no role hierarchy works it out.
 */
class RoleTests {

	@Test
	void eachRoleIsGrantedItselfAndTheRolesBelowIt() {
		assertThat(Role.VIEWER.granted()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_VIEWER");
		assertThat(Role.OPERATOR.granted()).extracting(GrantedAuthority::getAuthority)
			.containsExactlyInAnyOrder("ROLE_VIEWER", "ROLE_OPERATOR");
		assertThat(Role.ADMIN.granted()).extracting(GrantedAuthority::getAuthority)
			.containsExactlyInAnyOrder("ROLE_VIEWER", "ROLE_OPERATOR", "ROLE_ADMIN");
	}

}
