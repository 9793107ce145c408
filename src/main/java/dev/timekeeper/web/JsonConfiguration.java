package dev.timekeeper.web;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JSON as strict as the API's contract: a value of the wrong JSON type is an error, not
 * something to convert. Jackson would otherwise take {@code "name": 4242} as the string
 * "4242", {@code "times": "3"} as 3, and {@code "startAt": 1893456000000} as epoch
 * seconds (a date 60,000 years away) — each a client mistake that should get a 400.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

	@Bean
	JsonMapperBuilderCustomizer strictScalars() {
		return (builder) -> builder
			.withCoercionConfig(LogicalType.Textual,
					(config) -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Integer,
					(config) -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Boolean,
					(config) -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
			.addModule(new SimpleModule("iso-8601-only")
				.addDeserializer(Instant.class, new IsoText<>(Instant.class, Instant::parse))
				.addDeserializer(Duration.class, new IsoText<>(Duration.class, Duration::parse)));
	}

	/** Reads a value from its ISO-8601 text only. */
	private static final class IsoText<T> extends ValueDeserializer<T> {

		private final Class<T> type;

		private final Function<String, T> parser;

		IsoText(Class<T> type, Function<String, T> parser) {
			this.type = type;
			this.parser = parser;
		}

		@Override
		@SuppressWarnings("unchecked")
		public T deserialize(JsonParser parser, DeserializationContext context) {
			if (!parser.hasToken(JsonToken.VALUE_STRING)) {
				return (T) context.handleUnexpectedToken(this.type, parser);
			}
			String text = parser.getString().trim();
			try {
				return this.parser.apply(text);
			}
			catch (DateTimeParseException ex) {
				return (T) context.handleWeirdStringValue(this.type, text, "not ISO-8601");
			}
		}

	}

}
