package dev.timekeeper.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds every request body: one that declares a larger {@code Content-Length} is refused
 * before it is read, and one sent without a length (chunked) fails as soon as it passes
 * the limit. Both answer 413 Problem Details. A few paths (the batch create) have a
 * larger limit of their own; every other path, however it is spelled, has the default.
 */
class RequestSizeLimitFilter extends OncePerRequestFilter {

	private final DataSize limit;

	private final Map<String, DataSize> pathLimits;

	private final JsonMapper jsonMapper;

	/**
	 * @param limit the limit of every path not in {@code pathLimits}
	 * @param pathLimits limits of exact paths (within the context path)
	 * @param jsonMapper writes the 413 answer
	 */
	RequestSizeLimitFilter(DataSize limit, Map<String, DataSize> pathLimits, JsonMapper jsonMapper) {
		this.limit = limit;
		this.pathLimits = Map.copyOf(pathLimits);
		this.jsonMapper = jsonMapper;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// the raw URI, as Spring MVC matches it: a spelling that reaches the same handler
		// some other way (encoded, with a path parameter) is refused by the firewall
		DataSize limit = this.pathLimits
			.getOrDefault(request.getRequestURI().substring(request.getContextPath().length()), this.limit);
		if (request.getContentLengthLong() > limit.toBytes()) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
					new PayloadTooLargeException(limit).getMessage());
			problem.setType(ProblemTypes.PAYLOAD_TOO_LARGE);
			problem.setTitle("Request body too large");
			problem.setInstance(java.net.URI.create(request.getRequestURI()));
			response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setHeader("Connection", "close");
			this.jsonMapper.writeValue(response.getOutputStream(), problem);
			return;
		}
		chain.doFilter(new LimitedRequest(request, limit), response);
	}

	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private final DataSize limit;

		private LimitedServletInputStream stream;

		LimitedRequest(HttpServletRequest request, DataSize limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				this.stream = new LimitedServletInputStream(super.getInputStream(), this.limit);
			}
			return this.stream;
		}

	}

	private static final class LimitedServletInputStream extends ServletInputStream {

		private final ServletInputStream delegate;

		private final DataSize limit;

		private long read;

		LimitedServletInputStream(ServletInputStream delegate, DataSize limit) {
			this.delegate = delegate;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = this.delegate.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = this.delegate.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws PayloadTooLargeException {
			this.read += n;
			if (this.read > this.limit.toBytes()) {
				throw new PayloadTooLargeException(this.limit);
			}
		}

		@Override
		public boolean isFinished() {
			return this.delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.delegate.setReadListener(listener);
		}

	}

}
