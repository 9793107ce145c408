package dev.timekeeper.support;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the end-to-end API tests: the whole application on a random port, on an H2 file
 * database of its own under {@code target/test-data}, with the {@link RecordingJobType}
 * registered. Subclasses share one application context, so each test uses job names of
 * its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("testusers")
@Import(RecordingJobType.Config.class)
public abstract class ApiTestSupport {

	/**
	 * One database for the JVM, like the one application context the subclasses share; a
	 * JUnit temporary directory would be deleted under the cached context.
	 */
	private static final Path DATABASE = Path
		.of("target", "test-data", "api-" + ProcessHandle.current().pid(), "timekeeper")
		.toAbsolutePath();

	@LocalServerPort
	private int port;

	@Autowired
	protected RecordingJobType recording;

	protected Api api;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url",
				() -> "jdbc:h2:file:" + DATABASE + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000");
		// long test jobs still running when the JVM ends are interrupted, not waited for
		registry.add("timekeeper.scheduler.shutdown-timeout", () -> "PT1S");
	}

	@BeforeEach
	void api() {
		this.api = new Api(this.port);
	}

}
