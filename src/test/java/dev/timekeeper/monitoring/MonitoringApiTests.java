package dev.timekeeper.monitoring;

import java.time.Duration;

import dev.timekeeper.support.Api.Response;
import dev.timekeeper.support.ApiTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Monitoring jobs end to end: created over the API, fired by the scheduler, scraped from
 * {@code /actuator/prometheus}, and gone from the scrape once deleted or replaced.
 */
class MonitoringApiTests extends ApiTestSupport {

	private static final String JOBS = "/api/v1/jobs";

	@Test
	void systemJobEverySecondIsScrapedAndItsSeriesGoWhenItIsDeleted() {
		create("system", """
				{"group": "monitoring-api", "name": "system", "type": "system",
				 "schedule": {"kind": "interval", "every": "PT1S"}}""");
		String tags = "{group=\"monitoring-api\",name=\"system\",scope=\"host\"}";
		// The CPU usage needs two samples: it is the share between them.
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(scrape()).contains("timekeeper_system_cpu_usage_ratio" + tags,
					"timekeeper_system_memory_used_bytes" + tags, "timekeeper_system_memory_total_bytes" + tags,
					"timekeeper_system_load_average_5m" + tags, "timekeeper_system_uptime_seconds" + tags));
		String scrape = scrape();
		assertThat(scrape).as("Micrometer's own, not exported again")
			.contains("system_load_average_1m ", "system_cpu_count ")
			.doesNotContain("timekeeper_system_load_average_1m", "timekeeper_system_cpu_count");
		delete("monitoring-api/system");
		assertThat(scrape()).doesNotContain("name=\"system\"");
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(5))
			.until(() -> !scrape().contains("name=\"system\""));
	}

	@Test
	void networkAndDiskJobsAreScrapedUntilDeleted() {
		create("network", """
				{"group": "monitoring-api", "name": "network", "type": "network", "params": {"interfaces": ["lo"]},
				 "schedule": {"kind": "interval", "every": "PT1S"}}""");
		create("disk", """
				{"group": "monitoring-api", "name": "disk", "type": "disk", "params": {"mounts": ["/"]},
				 "schedule": {"kind": "interval", "every": "PT1S"}}""");
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(scrape()).contains(
					"timekeeper_network_receive_bytes_total{group=\"monitoring-api\",interface=\"lo\",name=\"network\"}",
					"timekeeper_network_transmit_rate_bytes_per_second{group=\"monitoring-api\",interface=\"lo\","
							+ "name=\"network\"}",
					"timekeeper_disk_filesystem_size_bytes{group=\"monitoring-api\",mount=\"/\",name=\"disk\"}",
					"timekeeper_disk_read_bytes_total{disk="));
		delete("monitoring-api/network");
		delete("monitoring-api/disk");
		assertThat(scrape()).doesNotContain("name=\"network\"", "name=\"disk\"");
	}

	@Test
	void anHttpJobToALoopbackAddressFailsAndIsPublishedAsAFailedProbe() {
		create("http", """
				{"group": "monitoring-api", "name": "http", "type": "http", "params": {"url": "http://127.0.0.1:9/"},
				 "schedule": {"kind": "interval", "every": "PT1S"}}""");
		String tags = "{group=\"monitoring-api\",name=\"http\",target=\"http://127.0.0.1:9/\"}";
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(scrape()).contains("timekeeper_http_probe_success" + tags + " 0.0",
					"timekeeper_http_probe_status_code" + tags + " 0.0"));
		delete("monitoring-api/http");
		assertThat(scrape()).doesNotContain("name=\"http\"");
	}

	@Test
	void replacingAJobRemovesTheSeriesOfWhatItWas() {
		Response created = this.api.put(JOBS + "/monitoring-api/replaced",
				"""
						{"type": "network", "params": {"interfaces": ["lo"]}, "schedule": {"kind": "interval", "every": "PT1S"}}""");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		await().atMost(Duration.ofSeconds(30)).until(() -> scrape().contains("interface=\"lo\",name=\"replaced\""));
		Response replaced = this.api.put(JOBS + "/monitoring-api/replaced", """
				{"type": "noop", "schedule": {"kind": "interval", "every": "PT1H"}}""");
		assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
		assertThat(scrape()).doesNotContain("name=\"replaced\"");
		delete("monitoring-api/replaced");
	}

	@Test
	void jobTypesDescribeTheMonitoringTypesParams() {
		JsonNode types = this.api.get("/api/v1/job-types").json();
		assertThat(types.valueStream().map((type) -> type.path("name").asString())).contains("system", "network",
				"disk", "http");
		JsonNode http = types.valueStream()
			.filter((type) -> type.path("name").asString().equals("http"))
			.findFirst()
			.orElseThrow()
			.path("paramsSchema");
		assertThat(http.path("properties").propertyNames()).contains("method", "url", "headers", "body", "timeout",
				"expectedStatus", "bodyContains", "maxRedirects");
		assertThat(http.path("properties").path("url").path("format").asString()).isEqualTo("uri");
		assertThat(http.path("required").valueStream().map(JsonNode::asString)).containsExactly("url");
		JsonNode network = types.valueStream()
			.filter((type) -> type.path("name").asString().equals("network"))
			.findFirst()
			.orElseThrow()
			.path("paramsSchema");
		assertThat(network.path("properties").path("interfaces").path("type").asString()).isEqualTo("array");
	}

	private void create(String name, String body) {
		Response created = this.api.post(JOBS, body);
		assertThat(created.status()).as("%s: %s", name, created.body()).isEqualTo(201);
	}

	private void delete(String job) {
		assertThat(this.api.delete(JOBS + "/" + job).status()).isEqualTo(204);
	}

	private String scrape() {
		Response scrape = this.api.get("/actuator/prometheus");
		assertThat(scrape.status()).isEqualTo(200);
		return scrape.body();
	}

}
