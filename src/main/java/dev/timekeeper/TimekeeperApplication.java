package dev.timekeeper;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class TimekeeperApplication {

	public static void main(String[] args) {
		SpringApplication.run(TimekeeperApplication.class, args);
	}

}
