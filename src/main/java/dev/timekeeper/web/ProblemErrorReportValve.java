package dev.timekeeper.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.res.StringManager;

import org.springframework.http.HttpStatusCode;

/**
 * Tomcat's own error answers (a request it refuses before any servlet sees it, such as a
 * path with an encoded NUL) as Problem Details instead of an HTML page. Only the status
 * and its standard reason are written.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		String reason = StringManager.getManager(ErrorReportValve.class).getString("http." + status + ".reason");
		String title = (reason != null && !reason.startsWith("http.")) ? reason : "Error";
		try {
			response.setContentType("application/problem+json");
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			PrintWriter writer = response.getReporter();
			if (writer != null) {
				writer.write("{\"type\":\"" + ProblemTypes.forStatus(HttpStatusCode.valueOf(status)) + "\",\"title\":\""
						+ title.replace("\"", "") + "\",\"status\":" + status + "}");
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The client is gone or the response was committed meanwhile: nothing to add.
		}
	}

}
