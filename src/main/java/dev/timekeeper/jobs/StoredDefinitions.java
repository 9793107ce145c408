package dev.timekeeper.jobs;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.json.JsonMapper;

/**
 * Reads stored job definitions (TK_JOB's JSON) back into {@link JobSpec}s, each distinct
 * text parsed once: reading the JSON was a tenth of the CPU time of a GET of one job.
 * <p>
 * The key is the whole stored text, so this is a memo of a pure function, not a cache of
 * the job: a replaced definition, here or on another node of a cluster, is another text
 * and so another key, and nothing can be stale or needs invalidating. State, fire times
 * and the last run are never kept here. At most {@link #MAX_ENTRIES} texts are kept; when
 * that many are, it starts afresh. The specs are shared between requests and never
 * changed by their readers.
 */
final class StoredDefinitions {

	static final int MAX_ENTRIES = 1024;

	private final JsonMapper jsonMapper;

	private final Map<String, JobSpec> specs = new ConcurrentHashMap<>();

	StoredDefinitions(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	/**
	 * The job a stored definition describes.
	 * @param definition the stored JSON
	 * @return the spec
	 */
	JobSpec read(String definition) {
		JobSpec spec = this.specs.get(definition);
		if (spec == null) {
			spec = this.jsonMapper.readValue(definition, JobSpec.class);
			if (this.specs.size() >= MAX_ENTRIES) {
				this.specs.clear();
			}
			this.specs.put(definition, spec);
		}
		return spec;
	}

	int size() {
		return this.specs.size();
	}

}
