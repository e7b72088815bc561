package asia.oncaller.auth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@code /v1} endpoint for the operator of the server only (creating accounts, topping up
 * balances): it takes the configured {@code oncaller.operator.token}, never a JWT.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface OperatorOnly {

}
