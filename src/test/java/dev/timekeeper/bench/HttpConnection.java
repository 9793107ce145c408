package dev.timekeeper.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection to a local server, blocking, for the load generator:
 * on a 2-core machine the client shares the CPU with the server, so it does as little as
 * a client can (no HTTP/2 upgrade, no pooling, no per-request objects beyond the
 * response). It reconnects when the server closes the connection, as Tomcat does after
 * 100 requests on one connection.
 */
final class HttpConnection implements AutoCloseable {

	private final int port;

	private final String authorization;

	private Socket socket;

	private InputStream in;

	private OutputStream out;

	private boolean reused;

	/**
	 * A connection, opened on first use.
	 * @param port the server's port on 127.0.0.1
	 * @param authorization the {@code Authorization} header's value, or null for none
	 */
	HttpConnection(int port, String authorization) {
		this.port = port;
		this.authorization = authorization;
	}

	Response get(String path) throws IOException {
		return send("GET", path, null);
	}

	/**
	 * A GET that takes whatever the server produces, for endpoints that do not answer
	 * JSON (Prometheus' text format).
	 * @param path the path and query
	 * @return the response
	 * @throws IOException when the server cannot be reached or answers garbage
	 */
	Response getAny(String path) throws IOException {
		return send("GET", path, "*/*", null);
	}

	/**
	 * Sends a request and reads its response. A request that finds a kept-alive
	 * connection closed by the server is sent once more on a new one.
	 * @param method the HTTP method
	 * @param path the path and query
	 * @param json the JSON body, or null
	 * @return the response
	 * @throws IOException when the server cannot be reached or answers garbage
	 */
	Response send(String method, String path, String json) throws IOException {
		return send(method, path, "application/json", json);
	}

	private Response send(String method, String path, String accept, String json) throws IOException {
		byte[] request = request(method, path, accept, json);
		try {
			return exchange(request);
		}
		catch (IOException ex) {
			boolean stale = this.reused;
			close();
			if (!stale) {
				throw ex;
			}
			return exchange(request);
		}
	}

	private Response exchange(byte[] request) throws IOException {
		if (this.socket == null) {
			this.socket = new Socket();
			this.socket.setTcpNoDelay(true);
			this.socket.connect(new InetSocketAddress("127.0.0.1", this.port), 5000);
			this.socket.setSoTimeout(60_000);
			this.in = new BufferedInputStream(this.socket.getInputStream(), 16 * 1024);
			this.out = this.socket.getOutputStream();
			this.reused = false;
		}
		this.out.write(request);
		this.out.flush();
		Response response = read();
		this.reused = true;
		if (response.close()) {
			close();
		}
		return response;
	}

	private byte[] request(String method, String path, String accept, String json) {
		StringBuilder head = new StringBuilder(256).append(method)
			.append(' ')
			.append(path)
			.append(" HTTP/1.1\r\nHost: 127.0.0.1:")
			.append(this.port)
			.append("\r\nAccept: ")
			.append(accept)
			.append("\r\n");
		if (this.authorization != null) {
			head.append("Authorization: ").append(this.authorization).append("\r\n");
		}
		byte[] body = (json != null) ? json.getBytes(StandardCharsets.UTF_8) : new byte[0];
		if (json != null) {
			head.append("Content-Type: application/json\r\n");
		}
		if (json != null || method.equals("POST") || method.equals("PUT")) {
			head.append("Content-Length: ").append(body.length).append("\r\n");
		}
		byte[] headBytes = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
		byte[] request = new byte[headBytes.length + body.length];
		System.arraycopy(headBytes, 0, request, 0, headBytes.length);
		System.arraycopy(body, 0, request, headBytes.length, body.length);
		return request;
	}

	private Response read() throws IOException {
		String status = line();
		if (!status.startsWith("HTTP/1.")) {
			throw new IOException("not an HTTP response: " + status);
		}
		int code = Integer.parseInt(status.substring(9, 12));
		long length = -1;
		boolean chunked = false;
		boolean close = status.startsWith("HTTP/1.0");
		for (String header = line(); !header.isEmpty(); header = line()) {
			String lower = header.toLowerCase(Locale.ROOT);
			if (lower.startsWith("content-length:")) {
				length = Long.parseLong(header.substring(15).trim());
			}
			else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
				chunked = true;
			}
			else if (lower.startsWith("connection:") && lower.contains("close")) {
				close = true;
			}
		}
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		if (chunked) {
			for (int size = Integer.parseInt(chunkSize(line()), 16); size > 0; size = Integer
				.parseInt(chunkSize(line()), 16)) {
				copy(size, body);
				line();
			}
			while (!line().isEmpty()) {
				// trailers
			}
		}
		else if (length >= 0) {
			copy(length, body);
		}
		else if (code != 204 && code != 304) {
			this.in.transferTo(body);
			close = true;
		}
		return new Response(code, body.toString(StandardCharsets.UTF_8), close);
	}

	private static String chunkSize(String line) {
		int extension = line.indexOf(';');
		return ((extension >= 0) ? line.substring(0, extension) : line).trim();
	}

	private void copy(long length, ByteArrayOutputStream body) throws IOException {
		byte[] buffer = new byte[8192];
		long left = length;
		while (left > 0) {
			int read = this.in.read(buffer, 0, (int) Math.min(buffer.length, left));
			if (read < 0) {
				throw new EOFException("body cut short");
			}
			body.write(buffer, 0, read);
			left -= read;
		}
	}

	private String line() throws IOException {
		StringBuilder line = new StringBuilder(64);
		for (int c = this.in.read(); c != '\n'; c = this.in.read()) {
			if (c < 0) {
				throw new EOFException("connection closed");
			}
			if (c != '\r') {
				line.append((char) c);
			}
		}
		return line.toString();
	}

	@Override
	public void close() {
		if (this.socket != null) {
			try {
				this.socket.close();
			}
			catch (IOException ex) {
				// closing anyway
			}
			this.socket = null;
		}
	}

	/**
	 * A response.
	 *
	 * @param status its status code
	 * @param body its body as text
	 * @param close whether the server closes the connection after it
	 */
	record Response(int status, String body, boolean close) {

		boolean ok() {
			return this.status >= 200 && this.status < 300;
		}

	}

}
