package dev.timekeeper.probe;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * Sends a probe's request with the JDK's {@link HttpClient}, over HTTP/1.1, without a
 * proxy and without following redirects, to the vetted address itself: the URL names the
 * address, the {@code Host} header the host. For HTTPS the host is also TLS's server name
 * (SNI), and the JDK verifies the certificate against that name. A client is built for
 * each request, since the server name is a client setting.
 * <p>
 * The JDK lets a request set {@code Host} only when the JVM runs with
 * {@code -Djdk.httpclient.allowRestrictedHeaders=host}, read once when the HTTP client is
 * first used: {@code TimekeeperApplication} sets it before anything starts, this class
 * sets it if nothing did, and the constructor fails if it came too late.
 */
final class JdkProbeTransport implements ProbeTransport {

	static final String RESTRICTED_HEADERS = "jdk.httpclient.allowRestrictedHeaders";

	static {
		allowHostHeader();
	}

	private final SSLContext sslContext;

	JdkProbeTransport(SSLContext sslContext) {
		if (!hostHeaderAllowed()) {
			throw new IllegalStateException("http probes need the JVM started with -D" + RESTRICTED_HEADERS
					+ "=host (the JDK's HTTP client was used before it could be set)");
		}
		this.sslContext = sslContext;
	}

	/**
	 * Lets HTTP requests set the {@code Host} header, unless the JVM says otherwise.
	 */
	static void allowHostHeader() {
		if (System.getProperty(RESTRICTED_HEADERS) == null) {
			System.setProperty(RESTRICTED_HEADERS, "host");
		}
	}

	@Override
	public Response exchange(Request request, Duration timeout) throws IOException, InterruptedException {
		HttpClient client = client(request.target(), timeout);
		try {
			CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(httpRequest(request, timeout),
					(info) -> new LimitedBody(Response.BODY_LIMIT));
			try {
				HttpResponse<byte[]> response = exchange.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
				return new Response(response.statusCode(), response.headers().firstValue("Location").orElse(null),
						new String(response.body(), StandardCharsets.UTF_8));
			}
			catch (TimeoutException ex) {
				throw new HttpTimeoutException("no complete response within " + timeout);
			}
			catch (ExecutionException ex) {
				throw (ex.getCause() instanceof IOException io) ? io : new IOException(ex.getCause());
			}
			finally {
				exchange.cancel(true);
			}
		}
		finally {
			client.shutdownNow();
		}
	}

	private HttpClient client(VettedTarget target, Duration timeout) {
		HttpClient.Builder builder = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.proxy(HttpClient.Builder.NO_PROXY)
			.connectTimeout(timeout)
			.sslContext(this.sslContext);
		String serverName = target.serverName();
		if (target.isHttps() && serverName != null) {
			SSLParameters parameters = this.sslContext.getDefaultSSLParameters();
			parameters.setServerNames(List.of(new SNIHostName(serverName)));
			builder.sslParameters(parameters);
		}
		return builder.build();
	}

	private static HttpRequest httpRequest(Request request, Duration timeout) {
		HttpRequest.BodyPublisher body = (request.body() != null) ? HttpRequest.BodyPublishers.ofString(request.body())
				: HttpRequest.BodyPublishers.noBody();
		HttpRequest.Builder builder = HttpRequest.newBuilder(request.target().pinnedUri())
			.method(request.method(), body)
			.timeout(timeout)
			.header("Host", request.target().hostHeader());
		request.headers().forEach(builder::header);
		return builder.build();
	}

	private static boolean hostHeaderAllowed() {
		try {
			HttpRequest.newBuilder().header("Host", "probe.invalid");
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
