package dev.timekeeper.startup;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Collects the garbage of start-up once, when the application is ready, so that the heap
 * it no longer needs goes back to the operating system.
 * <p>
 * Start-up allocates several times what stays live (bean definitions, Hibernate's boot
 * model, parsed queries and configuration): the JVM grows its young generation to match
 * and keeps those pages resident while the service sits idle, since no further collection
 * comes to shrink the heap. One full collection leaves the live objects compact and lets
 * the collector return the rest; with Timekeeper's AOT cache, which spares the
 * class-metadata collections that otherwise shrink the heap by chance, the idle resident
 * memory is about a third lower. It runs on a thread of its own after readiness, so it
 * never delays it; its pause is that of one full collection of a heap of a few tens of
 * megabytes. {@code timekeeper.startup.compact-heap=false} turns it off, as does the
 * JVM's {@code -XX:+DisableExplicitGC}.
 */
@Component
@EnableConfigurationProperties(StartupProperties.class)
class HeapCompaction implements ApplicationListener<ApplicationReadyEvent> {

	private static final Log logger = LogFactory.getLog(HeapCompaction.class);

	private final StartupProperties properties;

	private final Runnable collection;

	@Autowired
	HeapCompaction(StartupProperties properties) {
		this(properties, System::gc);
	}

	/**
	 * A compaction that runs the given collection.
	 * @param properties whether to compact at all
	 * @param collection what collects the garbage, {@link System#gc()} in the application
	 */
	HeapCompaction(StartupProperties properties, Runnable collection) {
		this.properties = properties;
		this.collection = collection;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		if (this.properties.compactHeap()) {
			Thread.ofPlatform().name("heap-compaction").daemon().start(this::compact);
		}
	}

	private void compact() {
		long before = committedHeap();
		this.collection.run();
		if (logger.isDebugEnabled()) {
			logger.debug("Heap committed after start-up: " + (before >> 20) + " MiB, after compaction: "
					+ (committedHeap() >> 20) + " MiB");
		}
	}

	private static long committedHeap() {
		return Runtime.getRuntime().totalMemory();
	}

}
