package dev.timekeeper.execution;

import io.micrometer.core.instrument.config.MeterFilter;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on the retention schedule and binds {@link ExecutionProperties}. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(ExecutionProperties.class)
class ExecutionConfiguration {

	@Bean
	MeterFilter groupTagLimit(ExecutionProperties properties) {
		return new GroupTagLimit(properties.metricsMaxGroups());
	}

}
