package dev.timekeeper.jobs;

import java.nio.file.Path;

import dev.timekeeper.TimekeeperApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Cluster mode needs a database that instances can share. */
class ClusterModeTests {

	@TempDir
	Path directory;

	@Test
	void clusterModeOnAnH2FileIsRefusedAtStartUp() {
		String url = "jdbc:h2:file:" + this.directory.resolve("timekeeper").toAbsolutePath()
				+ ";DB_CLOSE_ON_EXIT=FALSE";
		assertThatThrownBy(() -> new SpringApplicationBuilder(TimekeeperApplication.class).run("--server.port=0",
				"--spring.profiles.active=testusers", "--spring.datasource.url=" + url,
				"--spring.quartz.scheduler-name=timekeeper-cluster-mode-tests", "--timekeeper.cluster.enabled=true"))
			.hasStackTraceContaining("timekeeper.cluster.enabled needs a PostgreSQL database");
	}

}
