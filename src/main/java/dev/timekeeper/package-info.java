/**
 * Timekeeper, a scheduling service: jobs managed over REST, persisted in Quartz's JDBC
 * job store. Each top-level package is one feature.
 */
@NullMarked
package dev.timekeeper;

import org.jspecify.annotations.NullMarked;
