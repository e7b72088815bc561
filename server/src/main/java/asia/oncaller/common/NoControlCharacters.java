package asia.oncaller.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Bean validation for the rule of {@link ControlCharacters}, so that request records say it where
 * they say the rest; {@code null} passes, as with every constraint but {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = NoControlCharacters.Check.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface NoControlCharacters {

	String message() default "must not contain control characters";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** The validator that bean validation instantiates. */
	class Check implements ConstraintValidator<NoControlCharacters, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return !ControlCharacters.in(value);
		}

	}

}
