package dev.timekeeper.jobs;

import java.sql.DatabaseMetaData;
import java.time.Clock;
import java.util.Properties;

import javax.sql.DataSource;

import org.quartz.impl.jdbcjobstore.PostgreSQLDelegate;
import org.quartz.impl.jdbcjobstore.StdJDBCDelegate;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.quartz.autoconfigure.QuartzProperties;
import org.springframework.boot.quartz.autoconfigure.SchedulerFactoryBeanCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * Quartz the Spring Boot way: {@code spring.quartz.*} properties, plus the one thing Boot
 * leaves to the application, the JDBC delegate that matches the database.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SchedulerProperties.class)
class QuartzConfiguration {

	static final String DELEGATE = "org.quartz.jobStore.driverDelegateClass";

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	/**
	 * PostgreSQL needs Quartz's PostgreSQL delegate (it stores job data as
	 * {@code bytea}); every other database here works with the standard one. A delegate
	 * set in {@code spring.quartz.properties} wins.
	 */
	@Bean
	SchedulerFactoryBeanCustomizer driverDelegateCustomizer(QuartzProperties quartzProperties, DataSource dataSource) {
		return (schedulerFactoryBean) -> {
			Properties properties = new Properties();
			properties.putAll(quartzProperties.getProperties());
			if (!properties.containsKey(DELEGATE)) {
				properties.put(DELEGATE, delegateFor(dataSource));
			}
			schedulerFactoryBean.setQuartzProperties(properties);
		};
	}

	@Bean
	SchedulerFactoryBeanCustomizer metricsListenerCustomizer(SchedulerMetrics metrics) {
		return (schedulerFactoryBean) -> schedulerFactoryBean.setGlobalTriggerListeners(metrics);
	}

	private static String delegateFor(DataSource dataSource) {
		try {
			String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
			return "PostgreSQL".equalsIgnoreCase(product) ? PostgreSQLDelegate.class.getName()
					: StdJDBCDelegate.class.getName();
		}
		catch (MetaDataAccessException ex) {
			throw new IllegalStateException("Cannot tell which database Quartz runs on", ex);
		}
	}

}
