package dev.timekeeper.web;

import java.util.Map;

import dev.timekeeper.jobs.JobBatchProperties;
import io.swagger.v3.oas.models.OpenAPI;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The HTTP edge: the request size limit and the OpenAPI document's front matter. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiProperties.class)
class WebConfiguration {

	@Bean
	FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(ApiProperties properties,
			JobBatchProperties batch, JsonMapper jsonMapper) {
		FilterRegistrationBean<RequestSizeLimitFilter> registration = new FilterRegistrationBean<>(
				new RequestSizeLimitFilter(properties.maxRequestSize(),
						Map.of(JobBatchProperties.PATH, batch.maxRequestSize()), jsonMapper));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	/**
	 * A name with an encoded slash ({@code a%2Fb}) reaches the API, which refuses it as
	 * an invalid name, rather than being cut off by Tomcat; and Tomcat's own error
	 * answers are Problem Details. Runs after Boot's customizer, whose error valve it
	 * replaces.
	 */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemTomcatCustomizer() {
		return new WebServerFactoryCustomizer<>() {

			@Override
			public void customize(TomcatServletWebServerFactory factory) {
				factory.addConnectorCustomizers((connector) -> connector
					.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue()));
				factory.addContextCustomizers((context) -> {
					StandardHost host = (StandardHost) context.getParent();
					for (Valve valve : host.getPipeline().getValves()) {
						if (valve instanceof ErrorReportValve) {
							host.getPipeline().removeValve(valve);
						}
					}
					host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
					host.getPipeline().addValve(new ProblemErrorReportValve());
				});
			}

		};
	}

	@Bean
	OpenAPI timekeeperOpenApi() {
		return new OpenAPI().info(new Info().title("Timekeeper API")
			.version("v1")
			.description("Scheduled jobs over REST: create, change, pause, resume, run and delete jobs that live in "
					+ "Quartz's JDBC job store. Every error is RFC 9457 Problem Details.")
			.license(new License().name("Apache-2.0")));
	}

}
