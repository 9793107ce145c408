package dev.timekeeper.probe;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

import org.jspecify.annotations.Nullable;

/**
 * Reads a response body up to a limit, then stops reading (closing the connection): a
 * probe of an endpoint that streams without end costs no more than the limit.
 */
final class LimitedBody implements BodySubscriber<byte[]> {

	private final int limit;

	private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

	private final CompletableFuture<byte[]> result = new CompletableFuture<>();

	private Flow.@Nullable Subscription subscription;

	LimitedBody(int limit) {
		this.limit = limit;
	}

	@Override
	public CompletionStage<byte[]> getBody() {
		return this.result;
	}

	@Override
	public void onSubscribe(Flow.Subscription subscription) {
		this.subscription = subscription;
		subscription.request(1);
	}

	@Override
	public void onNext(List<ByteBuffer> items) {
		for (ByteBuffer item : items) {
			int length = Math.min(item.remaining(), this.limit - this.bytes.size());
			byte[] chunk = new byte[length];
			item.get(chunk);
			this.bytes.write(chunk, 0, length);
		}
		Flow.Subscription subscription = this.subscription;
		if (subscription == null) {
			return;
		}
		if (this.bytes.size() >= this.limit) {
			subscription.cancel();
			this.result.complete(this.bytes.toByteArray());
		}
		else {
			subscription.request(1);
		}
	}

	@Override
	public void onError(Throwable throwable) {
		this.result.completeExceptionally(throwable);
	}

	@Override
	public void onComplete() {
		this.result.complete(this.bytes.toByteArray());
	}

}
