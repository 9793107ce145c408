package dev.timekeeper.startup;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What Timekeeper does once it is ready.
 *
 * @param compactHeap whether to collect the garbage of start-up once, when ready, so that
 * the heap it no longer needs goes back to the operating system (one full collection, on
 * a thread of its own)
 */
@ConfigurationProperties("timekeeper.startup")
public record StartupProperties(@DefaultValue("true") boolean compactHeap) {

}
