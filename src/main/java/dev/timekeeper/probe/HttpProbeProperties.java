package dev.timekeeper.probe;

import java.util.List;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What {@code http} jobs may reach.
 *
 * @param allowed address blocks (CIDR, such as {@code 10.1.0.0/16}) or single addresses
 * (such as {@code 127.0.0.1} or {@code ::1}) that {@code http} jobs may probe although
 * they are loopback, link-local, private, cloud-metadata or otherwise special addresses,
 * which are refused by default. Host names are not accepted: the check is made on the
 * address a job's host name resolves to.
 */
@ConfigurationProperties("timekeeper.http-probe")
@Validated
public record HttpProbeProperties(@DefaultValue List<@NotNull AddressRange> allowed) {

}
