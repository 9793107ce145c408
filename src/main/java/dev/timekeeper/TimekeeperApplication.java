package dev.timekeeper;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class TimekeeperApplication {

	public static void main(String[] args) {
		// http probes connect to the address they vetted and name the host in a Host
		// header; the JDK's HTTP client allows that only with this property, which it
		// reads once, when first used.
		if (System.getProperty("jdk.httpclient.allowRestrictedHeaders") == null) {
			System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
		}
		SpringApplication.run(TimekeeperApplication.class, args);
	}

}
