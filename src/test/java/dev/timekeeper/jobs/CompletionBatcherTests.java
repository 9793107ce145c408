package dev.timekeeper.jobs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Items are handled in batches on the batching thread while it runs, by their submitter
 * otherwise, every item exactly once, and none is left behind by a close.
 */
class CompletionBatcherTests {

	private final List<List<Integer>> batches = new CopyOnWriteArrayList<>();

	private final List<Integer> singles = new CopyOnWriteArrayList<>();

	private final CountDownLatch release = new CountDownLatch(1);

	private final CompletionBatcher<Integer> batcher = new CompletionBatcher<>("test-batcher", 10, (batch) -> {
		awaitRelease();
		if (batch.contains(-1)) {
			throw new IllegalStateException("a bad item");
		}
		this.batches.add(new ArrayList<>(batch));
	}, this.singles::add);

	@AfterEach
	void close() throws InterruptedException {
		this.release.countDown();
		this.batcher.close();
	}

	@Test
	void beforeItOpensEachSubmitterHandlesItsOwnItem() {
		this.batcher.submit(1);
		assertThat(this.singles).containsExactly(1);
		assertThat(this.batches).isEmpty();
	}

	@Test
	void itemsThatQueueUpWhileABatchIsHandledFormTheNextBatches() {
		this.batcher.open();
		this.batcher.submit(0);
		// the batching thread now holds item 0 until released; these queue up
		for (int i = 1; i <= 25; i++) {
			this.batcher.submit(i);
		}
		this.release.countDown();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.batches.stream().mapToInt(List::size).sum() == 26);
		assertThat(this.batches).allSatisfy((batch) -> assertThat(batch).hasSizeLessThanOrEqualTo(10));
		assertThat(this.batches.stream().flatMap(List::stream)).containsExactlyElementsOf(range(0, 25));
		assertThat(this.batches.size()).isLessThanOrEqualTo(4);
		assertThat(this.singles).isEmpty();
	}

	@Test
	void closeHandlesWhatIsQueuedAndThenSubmittersHandleTheirOwn() throws InterruptedException {
		this.batcher.open();
		for (int i = 0; i < 5; i++) {
			this.batcher.submit(i);
		}
		this.release.countDown();
		this.batcher.close();
		this.batcher.submit(5);
		assertThat(this.batches.stream().flatMap(List::stream)).containsExactlyElementsOf(range(0, 4));
		assertThat(this.singles).containsExactly(5);
	}

	@Test
	void aFailedBatchIsHandledItemByItem() throws InterruptedException {
		this.batcher.open();
		this.batcher.submit(-1);
		this.batcher.submit(7);
		this.release.countDown();
		this.batcher.close();
		assertThat(this.singles).contains(-1);
		assertThat(this.batches.stream().flatMap(List::stream).toList()).doesNotContain(-1);
		assertThat(this.singles.size() + this.batches.stream().mapToInt(List::size).sum()).isEqualTo(2);
	}

	private void awaitRelease() {
		try {
			assertThat(this.release.await(10, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static List<Integer> range(int from, int to) {
		List<Integer> range = new ArrayList<>();
		for (int i = from; i <= to; i++) {
			range.add(i);
		}
		return range;
	}

}
