package dev.timekeeper.startup;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What Timekeeper does once it is ready.
 *
 * @param compactHeap whether to collect the garbage of start-up once, when ready, so that
 * the heap it no longer needs goes back to the operating system (one full collection, on
 * a thread of its own)
 * @param trainingRuns for the training run of the JDK's ahead-of-time cache only: once
 * ready, fire this many one-shot {@code noop} jobs, wait until they have run, and exit
 * (0, the default, is a normal start)
 */
@ConfigurationProperties("timekeeper.startup")
public record StartupProperties(@DefaultValue("true") boolean compactHeap, @DefaultValue("0") int trainingRuns) {

}
