package dev.timekeeper.jobs;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Cluster mode: several instances on one PostgreSQL database share the jobs, and each
 * fire runs on exactly one of them. One switch, {@code timekeeper.cluster.enabled} (or
 * {@code TIMEKEEPER_CLUSTER_ENABLED=true}), turns on Quartz's clustered job store with
 * the settings that keep one fire on one node.
 *
 * @param enabled whether this instance is one of a cluster
 * @param checkinInterval how often each instance records that it is alive; an instance
 * silent for about twice this long is taken for dead, and its runs in progress are
 * recovered by another
 */
@Validated
@ConfigurationProperties("timekeeper.cluster")
public record ClusterProperties(@DefaultValue("false") boolean enabled,
		@DefaultValue("PT7.5S") Duration checkinInterval) {

}
