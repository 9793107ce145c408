package dev.timekeeper.startup;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.support.GenericApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class HeapCompactionTests {

	private final AtomicInteger collections = new AtomicInteger();

	private final AtomicReference<String> thread = new AtomicReference<>();

	@Test
	void readyApplicationIsCompactedOnceOnAThreadOfItsOwn() {
		compaction(true).onApplicationEvent(ready());
		await().untilAsserted(() -> assertThat(this.collections).hasValue(1));
		assertThat(this.thread).hasValue("heap-compaction");
	}

	@Test
	void compactionTurnedOffCollectsNothing() {
		compaction(false).onApplicationEvent(ready());
		await().during(Duration.ofMillis(200)).untilAsserted(() -> assertThat(this.collections).hasValue(0));
	}

	@Test
	void compactionIsOnByDefault() {
		new ApplicationContextRunner().withUserConfiguration(HeapCompaction.class)
			.run((context) -> assertThat(context.getBean(StartupProperties.class).compactHeap()).isTrue());
	}

	@Test
	void compactionCanBeTurnedOffByAProperty() {
		new ApplicationContextRunner().withUserConfiguration(HeapCompaction.class)
			.withPropertyValues("timekeeper.startup.compact-heap=false")
			.run((context) -> assertThat(context.getBean(StartupProperties.class).compactHeap()).isFalse());
	}

	private HeapCompaction compaction(boolean on) {
		return new HeapCompaction(new StartupProperties(on, 0), () -> {
			this.thread.set(Thread.currentThread().getName());
			this.collections.incrementAndGet();
		});
	}

	private static ApplicationReadyEvent ready() {
		return new ApplicationReadyEvent(new SpringApplication(), new String[0], new GenericApplicationContext(), null);
	}

}
