package dev.timekeeper.probe;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Runs one probe: vets the URL, sends the request to the vetted address, follows
 * redirects (each vetted again) up to the job's limit, and judges the final response by
 * the expected statuses and body. Every failure, refusals included, is an outcome, not an
 * exception; only an interrupt stops it.
 */
final class HttpProbe {

	private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

	private static final Set<String> CREDENTIALS = Set.of("authorization", "cookie", "proxy-authorization");

	private final TargetVetting vetting;

	private final ProbeTransport transport;

	HttpProbe(TargetVetting vetting, ProbeTransport transport) {
		this.vetting = vetting;
		this.transport = transport;
	}

	ProbeOutcome probe(HttpJobType.Params params) throws InterruptedException {
		Attempt attempt = new Attempt(params);
		try {
			return attempt.follow();
		}
		catch (ProbeRefusedException | InvalidRedirectException ex) {
			return attempt.failed(false, ex.getMessage());
		}
		catch (HttpTimeoutException ex) {
			return attempt.failed(true, "timed out after " + params.timeout());
		}
		catch (UnknownHostException ex) {
			return attempt.failed(false, "unknown host " + ex.getMessage());
		}
		catch (ConnectException ex) {
			return attempt.failed(true, "could not connect" + describe(ex));
		}
		catch (IOException ex) {
			return attempt.failed(true, "request failed" + describe(ex));
		}
	}

	private static @Nullable String judge(HttpJobType.Params params, ProbeTransport.Response response) {
		boolean statusExpected = params.expectedStatus().isEmpty()
				? response.status() >= 200 && response.status() <= 299
				: params.expectedStatus().contains(response.status());
		if (!statusExpected) {
			return "status " + response.status() + ", expected "
					+ (params.expectedStatus().isEmpty() ? "2xx" : "one of " + params.expectedStatus());
		}
		if (params.bodyContains() != null && !response.body().contains(params.bodyContains())) {
			return "the body (first 1 MiB) does not contain \"" + params.bodyContains() + "\"";
		}
		return null;
	}

	/**
	 * The next hop of a redirect, as browsers and Prometheus's blackbox exporter follow
	 * them: 303 (and 301/302 after a POST) continue with a GET without body; credentials
	 * are not sent to another host.
	 */
	private static @Nullable Hop redirect(Hop hop, ProbeTransport.Response response) throws InvalidRedirectException {
		if (!REDIRECTS.contains(response.status()) || response.location() == null) {
			return null;
		}
		URI next = HttpUrls.redirect(hop.uri(), response.location());
		boolean toGet = response.status() == 303 && !hop.method().equals("HEAD")
				|| (response.status() == 301 || response.status() == 302) && hop.method().equals("POST");
		Map<String, String> headers = new LinkedHashMap<>(hop.headers());
		if (!Objects.equals(next.getHost(), hop.uri().getHost())) {
			headers.keySet().removeIf((name) -> CREDENTIALS.contains(name.toLowerCase(Locale.ROOT)));
		}
		return toGet ? new Hop(next, "GET", headers, null) : new Hop(next, hop.method(), headers, hop.body());
	}

	private static double seconds(long started) {
		return (System.nanoTime() - started) / 1e9;
	}

	private static String describe(IOException ex) {
		return (ex.getMessage() != null) ? ": " + ex.getMessage() : "";
	}

	private record Hop(URI uri, String method, Map<String, String> headers, @Nullable String body) {

	}

	/** One probe under way: where it has got to, and how much time it has left. */
	private final class Attempt {

		private final HttpJobType.Params params;

		private final String target;

		private final long started = System.nanoTime();

		private int redirects;

		private @Nullable String address;

		Attempt(HttpJobType.Params params) {
			this.params = params;
			this.target = HttpUrls.target(params.url());
		}

		/**
		 * Sends the request, and each redirect's, until an answer that is not a redirect
		 * to follow.
		 */
		ProbeOutcome follow()
				throws ProbeRefusedException, InvalidRedirectException, IOException, InterruptedException {
			long deadline = this.started + this.params.timeout().toNanos();
			Hop hop = new Hop(this.params.url(), this.params.method().name(), this.params.headers(),
					this.params.body());
			while (true) {
				this.address = null;
				VettedTarget vetted = HttpProbe.this.vetting.vet(hop.uri());
				this.address = vetted.address().getHostAddress();
				Duration left = Duration.ofNanos(deadline - System.nanoTime());
				if (left.isNegative() || left.isZero()) {
					throw new HttpTimeoutException("no time left");
				}
				ProbeTransport.Response response = HttpProbe.this.transport
					.exchange(new ProbeTransport.Request(vetted, hop.method(), hop.headers(), hop.body()), left);
				Hop next = (this.redirects < this.params.maxRedirects()) ? redirect(hop, response) : null;
				if (next == null) {
					return new ProbeOutcome(this.target, response.status(), seconds(this.started), this.redirects,
							this.address, judge(this.params, response));
				}
				hop = next;
				this.redirects++;
			}
		}

		/**
		 * The outcome of a probe that got no final answer.
		 * @param connected whether a request was on its way to {@link #address}
		 */
		ProbeOutcome failed(boolean connected, @Nullable String failure) {
			return new ProbeOutcome(this.target, 0, seconds(this.started), this.redirects,
					connected ? this.address : null, Objects.requireNonNullElse(failure, "failed"));
		}

	}

}
