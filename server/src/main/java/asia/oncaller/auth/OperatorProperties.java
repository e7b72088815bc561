package asia.oncaller.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;

/**
 * The operator's credential for the operator-only endpoints (creating accounts, top-ups). It is
 * configuration, not data: whoever runs the server holds it, no account does.
 *
 * @param token a bearer secret of at least 32 characters, or {@code null} (the default) to turn
 * the operator endpoints off
 */
@ConfigurationProperties("oncaller.operator")
record OperatorProperties(String token) {

	static final int MIN_TOKEN_LENGTH = 32;

	OperatorProperties {
		if (token != null && token.isBlank()) {
			// An empty environment variable means "not set", not "an empty password".
			token = null;
		}
		Assert.isTrue(token == null || token.length() >= MIN_TOKEN_LENGTH,
				"oncaller.operator.token must have at least " + MIN_TOKEN_LENGTH + " characters");
	}

	@Override
	public String toString() {
		// Spring may print bound properties (e.g. in a failure analysis); never the secret.
		return "OperatorProperties[token=" + ((this.token != null) ? "(set)" : "(unset)") + "]";
	}

}
