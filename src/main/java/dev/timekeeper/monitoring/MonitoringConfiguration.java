package dev.timekeeper.monitoring;

import java.nio.file.Path;

import oshi.SystemInfo;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one {@link SystemInfo} every monitoring type shares, as OSHI's authors advise (it
 * caches what never changes, such as the processor's description), and the reader of this
 * process's cgroup; and which monitoring jobs a first start creates.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DefaultJobsProperties.class)
class MonitoringConfiguration {

	@Bean
	SystemInfo systemInfo() {
		return new SystemInfo();
	}

	@Bean
	Cgroups cgroups() {
		return new Cgroups(Path.of("/"), System.getenv());
	}

}
