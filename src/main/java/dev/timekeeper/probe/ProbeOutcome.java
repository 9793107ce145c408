package dev.timekeeper.probe;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What one probe found.
 *
 * @param target the probed URL without query (the meters' {@code target} tag)
 * @param status the final response's status, or 0 when there was none
 * @param seconds how long the probe took: name resolution, every hop, and the body up to
 * 1 MiB
 * @param redirects how many redirects were followed
 * @param address the address of the last request, or null if none was sent
 * @param failure why the probe failed, or null when it succeeded
 */
record ProbeOutcome(String target, int status, double seconds, int redirects, @Nullable String address,
		@Nullable String failure) {

	boolean success() {
		return this.failure == null;
	}

	Map<String, Object> toResult() {
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("target", this.target);
		result.put("success", success());
		result.put("status", this.status);
		result.put("durationSeconds", this.seconds);
		result.put("redirects", this.redirects);
		if (this.address != null) {
			result.put("address", this.address);
		}
		if (this.failure != null) {
			result.put("failure", this.failure);
		}
		return result;
	}

}
