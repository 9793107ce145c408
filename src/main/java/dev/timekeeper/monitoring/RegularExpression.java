package dev.timekeeper.monitoring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;

/**
 * The value is a Java regular expression of at most 200 characters (null is valid).
 */
@Documented
@Constraint(validatedBy = RegularExpression.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
@interface RegularExpression {

	String message() default "must be a regular expression of at most 200 characters";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks {@link RegularExpression}. */
	class Validator implements ConstraintValidator<RegularExpression, String> {

		@Override
		public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
			if (value == null) {
				return true;
			}
			if (value.length() > 200) {
				return false;
			}
			try {
				Pattern.compile(value);
				return true;
			}
			catch (PatternSyntaxException ex) {
				return false;
			}
		}

	}

}
