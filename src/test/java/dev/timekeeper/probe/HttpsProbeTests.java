package dev.timekeeper.probe;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * HTTPS to a vetted address: the request goes to the address, and the certificate is
 * still verified against the host name the URL gives (sent as TLS's server name), with a
 * server whose certificate, made by {@code keytool} for the test, names only
 * {@code localhost}.
 */
class HttpsProbeTests {

	private static final char[] PASSWORD = "changeit".toCharArray();

	@TempDir
	static Path directory;

	private static HttpsServer server;

	private static SSLContext client;

	private static final AtomicInteger requests = new AtomicInteger();

	@BeforeAll
	static void startServer() throws Exception {
		Path keyStoreFile = directory.resolve("server.p12");
		Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
				"-genkeypair", "-alias", "probe", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
				"-ext", "SAN=dns:localhost", "-validity", "2", "-storetype", "PKCS12", "-keystore",
				keyStoreFile.toString(), "-storepass", "changeit")
			.redirectErrorStream(true)
			.start();
		String output = new String(keytool.getInputStream().readAllBytes());
		assertThat(keytool.waitFor()).as(output).isZero();
		KeyStore keyStore = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(keyStoreFile)) {
			keyStore.load(in, PASSWORD);
		}
		server = HttpsServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 10);
		server.setHttpsConfigurator(new HttpsConfigurator(serverContext(keyStore)));
		server.createContext("/", (exchange) -> {
			requests.incrementAndGet();
			byte[] body = "secure".getBytes();
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		server.start();
		client = clientContext(keyStore.getCertificate("probe"));
	}

	@AfterAll
	static void stopServer() {
		server.stop(0);
	}

	@Test
	void theCertificateIsVerifiedAgainstTheHostNameWhileTheConnectionGoesToTheVettedAddress() throws Exception {
		HttpJobType type = type();
		Map<String, Object> result = type.run(
				Probes.params("https://localhost:" + server.getAddress().getPort() + "/", null, null, "secure"),
				Probes.run("https"));
		assertThat(result).containsEntry("success", true).containsEntry("address", "127.0.0.1");
	}

	@Test
	void aCertificateThatDoesNotNameTheHostFailsBeforeAnyRequestIsSent() {
		int before = requests.get();
		HttpJobType type = type();
		assertThatExceptionOfType(HttpJobType.ProbeFailedException.class)
			.isThrownBy(() -> type.run(Probes.get("https://impostor.test:" + server.getAddress().getPort() + "/"),
					Probes.run("impostor")))
			.withMessageContaining("request failed");
		assertThat(requests.get()).isEqualTo(before);
	}

	private static HttpJobType type() {
		return Probes.type(new SimpleMeterRegistry(), List.of("127.0.0.1/32"),
				Probes.resolver(Map.of("localhost", List.of("127.0.0.1"), "impostor.test", List.of("127.0.0.1"))),
				new JdkProbeTransport(client));
	}

	private static SSLContext serverContext(KeyStore keyStore) throws Exception {
		KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keys.init(keyStore, PASSWORD);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(keys.getKeyManagers(), null, null);
		return context;
	}

	private static SSLContext clientContext(Certificate certificate) throws Exception {
		KeyStore trusted = KeyStore.getInstance("PKCS12");
		trusted.load(null, null);
		trusted.setCertificateEntry("probe", certificate);
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(trusted);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, trust.getTrustManagers(), null);
		return context;
	}

}
