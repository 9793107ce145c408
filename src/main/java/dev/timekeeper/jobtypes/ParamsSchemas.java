package dev.timekeeper.jobtypes;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.type.TypeReference;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.core.util.Json31;

import org.springframework.stereotype.Component;

/**
 * Describes a type's parameter record as a JSON Schema, with the same model converters
 * springdoc uses for the OpenAPI document, so the schema a client reads and the record
 * the params bind to cannot drift apart.
 */
@Component
class ParamsSchemas {

	private static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

	private final Map<Class<?>, Map<String, Object>> cache = new ConcurrentHashMap<>();

	Map<String, Object> of(Class<?> paramsType) {
		return this.cache.computeIfAbsent(paramsType, ParamsSchemas::resolve);
	}

	private static Map<String, Object> resolve(Class<?> paramsType) {
		ResolvedSchema resolved = ModelConverters.getInstance(true)
			.readAllAsResolvedSchema(new AnnotatedType(paramsType).resolveAsRef(false));
		Map<String, Object> body = Json31.mapper().convertValue(resolved.schema, new TypeReference<>() {
		});
		Map<String, Object> schema = new LinkedHashMap<>();
		schema.put("$schema", DIALECT);
		body.remove("$schema");
		schema.putAll(body);
		schema.put("additionalProperties", false);
		return schema;
	}

}
