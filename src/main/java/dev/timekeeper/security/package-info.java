/**
 * Who may do what: HTTP Basic users and API tokens from configuration, the roles
 * {@code VIEWER}, {@code OPERATOR} and {@code ADMIN}, a stateless filter chain, and an
 * audit log of every change.
 */
@NullMarked
package dev.timekeeper.security;

import org.jspecify.annotations.NullMarked;
