package dev.timekeeper.probe;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A socket that listens on an address and counts the connections made to it: the proof
 * that a refused probe connected to nothing.
 */
final class CountingListener implements AutoCloseable {

	private final ServerSocket socket;

	private final AtomicInteger accepted = new AtomicInteger();

	private final Thread acceptor;

	CountingListener(String address) throws IOException {
		this.socket = new ServerSocket(0, 50, InetAddress.getByName(address));
		this.acceptor = Thread.ofVirtual().start(this::accept);
	}

	int port() {
		return this.socket.getLocalPort();
	}

	int accepted() {
		return this.accepted.get();
	}

	private void accept() {
		while (!this.socket.isClosed()) {
			try (Socket connection = this.socket.accept()) {
				this.accepted.incrementAndGet();
			}
			catch (IOException ex) {
				// closed
			}
		}
	}

	@Override
	public void close() throws IOException, InterruptedException {
		this.socket.close();
		this.acceptor.join();
	}

}
