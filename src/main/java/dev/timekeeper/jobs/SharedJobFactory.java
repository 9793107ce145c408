package dev.timekeeper.jobs;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.quartz.spi.TriggerFiredBundle;

import org.springframework.scheduling.quartz.SpringBeanJobFactory;

/**
 * Spring's job factory, with one shared instance of each of Timekeeper's own job classes
 * instead of a new bean per fire. Spring's factory creates, autowires and post-processes
 * a bean for every fire, on Quartz's scheduler thread, the one thread that acquires and
 * fires every trigger: in a burst of one-shot jobs on PostgreSQL that was a quarter of
 * its CPU time. {@link QuartzJob} keeps nothing between runs (its fields are the services
 * it runs with), so one instance serves every fire. Any other job class is created by
 * Spring's factory as before.
 */
final class SharedJobFactory extends SpringBeanJobFactory {

	private final Map<Class<?>, Object> shared = new ConcurrentHashMap<>();

	@Override
	protected Object createJobInstance(TriggerFiredBundle bundle) throws Exception {
		Class<?> jobClass = bundle.getJobDetail().getJobClass();
		if (!QuartzJob.class.isAssignableFrom(jobClass)) {
			return super.createJobInstance(bundle);
		}
		Object job = this.shared.get(jobClass);
		if (job == null) {
			Object created = super.createJobInstance(bundle);
			job = this.shared.putIfAbsent(jobClass, created);
			job = (job != null) ? job : created;
		}
		return job;
	}

}
