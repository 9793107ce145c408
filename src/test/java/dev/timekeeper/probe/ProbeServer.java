package dev.timekeeper.probe;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on 127.0.0.1 for probe tests, with a path for each case, that
 * records every request it receives.
 */
final class ProbeServer implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final CountDownLatch slowReleased = new CountDownLatch(1);

	private final List<Received> received = new CopyOnWriteArrayList<>();

	ProbeServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 50);
		this.server.setExecutor(this.executor);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	int port() {
		return this.server.getAddress().getPort();
	}

	String url(String path) {
		return "http://127.0.0.1:" + port() + path;
	}

	List<Received> received() {
		return this.received;
	}

	/** Whether a request to {@code /slow} is still being held. */
	boolean slowStillHeld() {
		return this.slowReleased.getCount() > 0;
	}

	private void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		this.received.add(new Received(exchange.getRequestMethod(), path, exchange.getRequestHeaders().getFirst("Host"),
				exchange.getRequestHeaders().getFirst("Authorization"),
				new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
		switch (path) {
			case "/ok" -> answer(exchange, 200, "all good here");
			case "/missing" -> answer(exchange, 404, "no such thing");
			case "/slow" -> {
				await();
				answer(exchange, 200, "late");
			}
			case "/redirect" -> redirect(exchange, 302, "/ok");
			case "/see-other" -> redirect(exchange, 303, "/ok");
			case "/loop" -> redirect(exchange, 302, "/loop");
			case "/to-private" -> redirect(exchange, 302, "http://10.0.0.1/admin");
			case "/to-ftp" -> redirect(exchange, 302, "ftp://127.0.0.1/file");
			default -> {
				// /to/ followed by a URL, percent-encoded, redirects there
				if (path.startsWith("/to/")) {
					redirect(exchange, 307, path.substring("/to/".length()));
				}
				else {
					answer(exchange, 200, "ok");
				}
			}
		}
	}

	private void await() {
		try {
			this.slowReleased.await(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void redirect(HttpExchange exchange, int status, String location) throws IOException {
		exchange.getResponseHeaders().set("Location", location);
		exchange.sendResponseHeaders(status, -1);
		exchange.close();
	}

	private static void answer(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		this.slowReleased.countDown();
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	/**
	 * A request the server received.
	 *
	 * @param method the method
	 * @param path the path
	 * @param host the Host header
	 * @param authorization the Authorization header, or null
	 * @param body the body
	 */
	record Received(String method, String path, String host, String authorization, String body) {

	}

}
