package dev.timekeeper.probe;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;

/**
 * The value is a URL a probe can request: {@code http} or {@code https}, with a host, a
 * valid port, no user info (send credentials in a header) and at most 2000 characters.
 * Null is valid (use {@code @NotNull} to require one).
 */
@Documented
@Constraint(validatedBy = HttpUrl.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
@interface HttpUrl {

	String message()

	default "must be an http or https URL with a host and no user info";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks {@link HttpUrl}. */
	class Validator implements ConstraintValidator<HttpUrl, URI> {

		@Override
		public boolean isValid(@Nullable URI value, ConstraintValidatorContext context) {
			return value == null || HttpUrls.isValid(value);
		}

	}

}
