package dev.timekeeper.execution;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Stores a run's result as JSON, bounded in size: a type that returns more than
 * {@value #MAX_CHARS} characters has its result replaced by a note saying so, rather than
 * filling the history table.
 */
@Component
class ExecutionResults {

	static final int MAX_CHARS = 65_536;

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private final JsonMapper jsonMapper;

	ExecutionResults(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	@Nullable String write(@Nullable Map<String, Object> result) {
		if (result == null) {
			return null;
		}
		String json;
		try {
			json = this.jsonMapper.writeValueAsString(result);
		}
		catch (JacksonException ex) {
			return this.jsonMapper.writeValueAsString(Map.of("unrecorded", "the result could not be written as JSON"));
		}
		if (json.length() > MAX_CHARS) {
			return this.jsonMapper.writeValueAsString(
					Map.of("unrecorded", "result of " + json.length() + " characters exceeds " + MAX_CHARS));
		}
		return json;
	}

	@Nullable Map<String, Object> read(@Nullable String json) {
		return (json != null) ? this.jsonMapper.readValue(json, MAP) : null;
	}

}
