/**
 * The HTTP edge: every error as RFC 9457 Problem Details, request size limits, and the
 * OpenAPI document.
 */
@NullMarked
package dev.timekeeper.web;

import org.jspecify.annotations.NullMarked;
