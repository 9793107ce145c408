package dev.timekeeper.jobs;

import java.sql.DatabaseMetaData;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.quartz.autoconfigure.QuartzProperties;
import org.springframework.boot.quartz.autoconfigure.SchedulerFactoryBeanCustomizer;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * Quartz the Spring Boot way: {@code spring.quartz.*} properties, plus the one thing Boot
 * leaves to the application, the JDBC delegate that matches the database.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ SchedulerProperties.class, ClusterProperties.class, JobBatchProperties.class })
class QuartzConfiguration {

	static final String DELEGATE = "org.quartz.jobStore.driverDelegateClass";

	static final String JOB_STORE = "org.quartz.jobStore.class";

	static final String THREAD_POOL = "org.quartz.threadPool.class";

	/** How long Quartz's scheduler thread sleeps at most when nothing is due. */
	static final String IDLE_WAIT_TIME = "org.quartz.scheduler.idleWaitTime";

	/** Quartz's own default of {@link #IDLE_WAIT_TIME}, in milliseconds. */
	static final String DEFAULT_IDLE_WAIT_TIME = "30000";

	/** See {@link TimekeeperJobStore#setSignalHorizon(long)}. */
	static final String SIGNAL_HORIZON = "org.quartz.jobStore.signalHorizon";

	/** See {@link TimekeeperJobStore#setFireLead(long)}. */
	static final String FIRE_LEAD = "org.quartz.jobStore.fireLead";

	/**
	 * The default {@link #FIRE_LEAD}, in milliseconds: more than this machine's commit
	 * tail (a firing transaction's p99 was 9-13 ms, its maximum 29 ms), little enough
	 * that the runs waiting for their time hold few threads (25 at 1,000 fires a second).
	 */
	static final String DEFAULT_FIRE_LEAD = "25";

	private static final String POSTGRESQL = "PostgreSQL";

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	/**
	 * Timekeeper's job store, and the JDBC delegate that matches the database: on
	 * PostgreSQL Quartz's PostgreSQL delegate (it stores job data as {@code bytea}), on
	 * H2 the standard one, each with Timekeeper's acquisition query. A job store or
	 * delegate set in {@code spring.quartz.properties} wins.
	 */
	@Bean
	SchedulerFactoryBeanCustomizer driverDelegateCustomizer(QuartzProperties quartzProperties, DataSource dataSource,
			ClusterProperties cluster) {
		return (schedulerFactoryBean) -> schedulerFactoryBean
			.setQuartzProperties(properties(quartzProperties.getProperties(), databaseProduct(dataSource), cluster));
	}

	/**
	 * Quartz's properties: the configured ones, with Timekeeper's job store, thread pool
	 * and delegate unless others are configured.
	 * @param configured {@code spring.quartz.properties}
	 * @param product the database product's name
	 * @param cluster the cluster settings
	 * @return the properties
	 */
	static Properties properties(Map<String, String> configured, String product, ClusterProperties cluster) {
		Properties properties = new Properties();
		properties.putAll(configured);
		properties.putIfAbsent(JOB_STORE, TimekeeperJobStore.class.getName());
		properties.putIfAbsent(THREAD_POOL, RunThreads.class.getName());
		if (TimekeeperJobStore.class.getName().equals(properties.getProperty(JOB_STORE))) {
			properties.putIfAbsent(SIGNAL_HORIZON, properties.getProperty(IDLE_WAIT_TIME, DEFAULT_IDLE_WAIT_TIME));
			properties.putIfAbsent(FIRE_LEAD, DEFAULT_FIRE_LEAD);
		}
		if (!properties.containsKey(DELEGATE)) {
			properties.put(DELEGATE, POSTGRESQL.equalsIgnoreCase(product)
					? TimekeeperDelegates.PostgreSql.class.getName() : TimekeeperDelegates.Standard.class.getName());
		}
		if (cluster.enabled()) {
			clustered(properties, cluster, product);
		}
		return properties;
	}

	/**
	 * Quartz's clustered job store: instances check in every {@code checkinInterval},
	 * take the trigger lock (a row of {@code QRTZ_LOCKS}, {@code SELECT ... FOR UPDATE})
	 * for acquiring triggers as well as for firing them, so two nodes can never acquire
	 * the same trigger, and recover the runs of an instance that stopped checking in.
	 */
	private static void clustered(Properties properties, ClusterProperties cluster, String product) {
		if (!POSTGRESQL.equalsIgnoreCase(product)) {
			throw new IllegalStateException("timekeeper.cluster.enabled needs a PostgreSQL database that every "
					+ "instance shares; this one is " + product);
		}
		properties.put("org.quartz.jobStore.isClustered", "true");
		properties.put("org.quartz.jobStore.clusterCheckinInterval",
				String.valueOf(cluster.checkinInterval().toMillis()));
		properties.put("org.quartz.jobStore.acquireTriggersWithinLock", "true");
	}

	/**
	 * Timekeeper's job classes as one shared instance each (see
	 * {@link SharedJobFactory}).
	 */
	@Bean
	SchedulerFactoryBeanCustomizer jobFactoryCustomizer(ApplicationContext context) {
		return (schedulerFactoryBean) -> {
			SharedJobFactory jobFactory = new SharedJobFactory();
			jobFactory.setApplicationContext(context);
			schedulerFactoryBean.setJobFactory(jobFactory);
		};
	}

	@Bean
	SchedulerFactoryBeanCustomizer metricsListenerCustomizer(SchedulerMetrics metrics) {
		return (schedulerFactoryBean) -> schedulerFactoryBean.setGlobalTriggerListeners(metrics);
	}

	private static String databaseProduct(DataSource dataSource) {
		try {
			return JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
		}
		catch (MetaDataAccessException ex) {
			throw new IllegalStateException("Cannot tell which database Quartz runs on", ex);
		}
	}

}
