package asia.oncaller.auth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Which REST tokens a {@code /v1} endpoint accepts; on a controller class it applies to every
 * method that says nothing itself. A {@code /v1} endpoint with neither this nor
 * {@link OperatorOnly} is refused to everyone, so that a forgotten annotation fails closed.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RestTokens {

	/** The kinds of token accepted. */
	RestTokenKind[] value();

}
