/**
 * The {@code http} job type: a blackbox probe of an HTTP or HTTPS endpoint that records
 * status, latency and success, and refuses (unless configuration allows them) loopback,
 * link-local, private and cloud-metadata addresses, checked on the address the host name
 * resolves to and then connected to exactly, so that DNS cannot dodge the check.
 */
@NullMarked
package dev.timekeeper.probe;

import org.jspecify.annotations.NullMarked;
