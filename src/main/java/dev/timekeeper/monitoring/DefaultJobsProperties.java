package dev.timekeeper.monitoring;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The monitoring jobs a new installation starts with.
 *
 * @param enabled whether a start that finds no job at all (a first start) creates the
 * default monitoring jobs in the group {@code monitoring}: {@code system} every 3 s,
 * {@code network} every 1 s and {@code disk} every minute
 */
@ConfigurationProperties("timekeeper.default-jobs")
public record DefaultJobsProperties(@DefaultValue("true") boolean enabled) {

}
