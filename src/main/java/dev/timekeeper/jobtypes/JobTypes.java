package dev.timekeeper.jobtypes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.timekeeper.validation.ConstraintProblems;
import dev.timekeeper.validation.FieldProblem;
import dev.timekeeper.validation.InvalidFieldsException;
import dev.timekeeper.validation.JsonProblems;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The registry of {@link JobType} beans: finds a type by name, binds and validates a
 * job's {@code params}, and runs a type.
 */
@Component
public class JobTypes {

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private final Map<String, JobType<?>> types;

	private final JsonMapper jsonMapper;

	private final Validator validator;

	JobTypes(Collection<JobType<?>> types, JsonMapper jsonMapper, Validator validator) {
		this.types = types.stream().collect(Collectors.toMap(JobType::name, Function.identity(), (a, b) -> {
			throw new IllegalStateException("Two job types are named '" + a.name() + "'");
		}, TreeMap::new));
		this.jsonMapper = jsonMapper;
		this.validator = validator;
	}

	/**
	 * The names of every known type, sorted.
	 * @return the names
	 */
	public Set<String> names() {
		return this.types.keySet();
	}

	/**
	 * Checks a job's parameters against its type and returns them normalised: every
	 * default filled in, in the type's own field order.
	 * @param typeName the job's {@code type}
	 * @param params the job's {@code params} as the client sent them
	 * @return the normalised parameters
	 * @throws InvalidFieldsException naming {@code type} or each {@code params} field at
	 * fault
	 */
	public Map<String, Object> normalize(String typeName, Map<String, Object> params) {
		JobType<?> type = require(typeName);
		Object bound = bind(type, params);
		return this.jsonMapper.convertValue(bound, MAP);
	}

	/**
	 * Runs a type once with stored parameters. They were checked when the job was stored,
	 * so a fire only reads them into the type's record.
	 * @param typeName the job's type
	 * @param paramsJson the parameters as {@link #normalize} returned them, as JSON
	 * @param run the job and fire the run belongs to
	 * @return the run's result values
	 * @throws Exception if the run failed
	 */
	public Map<String, Object> run(String typeName, String paramsJson, JobRun run) throws Exception {
		return runStored(require(typeName), paramsJson, run);
	}

	/**
	 * The timeout a type gives its runs when the job sets none.
	 * @param typeName the job's type
	 * @return the type's own timeout, or {@code null} for none (or an unknown type)
	 */
	public @Nullable Duration defaultTimeout(String typeName) {
		return find(typeName).map(JobType::defaultTimeout).orElse(null);
	}

	/**
	 * Tells a type that a job of it is gone (deleted or replaced), so it can drop what it
	 * keeps for that job. Unknown types are ignored.
	 * @param typeName the type the job had
	 * @param group the job's group
	 * @param name the job's name
	 */
	public void release(String typeName, String group, String name) {
		find(typeName).ifPresent((type) -> type.release(group, name));
	}

	private <P> Map<String, Object> runStored(JobType<P> type, String paramsJson, JobRun run) throws Exception {
		return type.run(this.jsonMapper.readValue(paramsJson, type.paramsType()), run);
	}

	List<JobType<?>> all() {
		return new ArrayList<>(this.types.values());
	}

	Optional<JobType<?>> find(String name) {
		return Optional.ofNullable(this.types.get(name));
	}

	private JobType<?> require(String typeName) {
		return find(typeName).orElseThrow(() -> InvalidFieldsException.of("type",
				"unknown job type '" + typeName + "'; known types: " + String.join(", ", names())));
	}

	private <P> P bind(JobType<P> type, Map<String, Object> params) {
		P bound;
		try {
			bound = this.jsonMapper.convertValue(params, type.paramsType());
		}
		catch (JacksonException ex) {
			throw new InvalidFieldsException(List.of(JsonProblems.describe("params", ex)));
		}
		List<FieldProblem> problems = ConstraintProblems.of("params.", this.validator.validate(bound));
		if (!problems.isEmpty()) {
			throw new InvalidFieldsException(problems);
		}
		return bound;
	}

}
