package dev.timekeeper.probe;

import java.security.NoSuchAlgorithmException;

import javax.net.ssl.SSLContext;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The pieces of the {@code http} type: the address policy from
 * {@link HttpProbeProperties}, the system's name resolver, and the JDK HTTP client with
 * the JVM's default trust store.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HttpProbeProperties.class)
class ProbeConfiguration {

	@Bean
	HttpProbe httpProbe(HttpProbeProperties properties) throws NoSuchAlgorithmException {
		return new HttpProbe(new TargetVetting(new AddressPolicy(properties.allowed()), HostResolver.SYSTEM),
				new JdkProbeTransport(SSLContext.getDefault()));
	}

}
