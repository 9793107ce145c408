package benchmark.bare;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The reference of the API and start-up benchmarks: a Spring Boot application with the
 * starters Timekeeper's web side is built on (web MVC, actuator, the Prometheus registry,
 * springdoc) and nothing else, no database, no scheduler, no security. The harness runs
 * it in a JVM of its own on a class path cut to those starters. Its endpoints answer what
 * Timekeeper's job endpoints look like, without doing the work.
 */
@SpringBootApplication
public class BareApplication {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(BareApplication.class);
		// the same actuator endpoints and probes as Timekeeper exposes, so readiness is
		// asked the same way
		application.setDefaultProperties(Map.of("management.endpoints.web.exposure.include", "health,info,prometheus",
				"management.endpoint.health.probes.enabled", "true"));
		application.run(args);
	}

}
