package asia.oncaller.outbound;

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
 * Bean validation for {@link CustomerUrls}: a REST body refuses at once a URL the server would
 * refuse to fetch later. {@code null} passes, since the URLs are optional.
 */
@Documented
@Constraint(validatedBy = HttpUrl.Check.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface HttpUrl {

	String message() default "must be an absolute http or https URL";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** The validator that bean validation instantiates. */
	class Check implements ConstraintValidator<HttpUrl, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || CustomerUrls.isValid(value);
		}

	}

}
