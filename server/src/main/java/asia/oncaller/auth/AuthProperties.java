package asia.oncaller.auth;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * Settings of token verification.
 *
 * @param clockSkew how far the clock of the customer's token server may disagree with ours: an
 * {@code exp} this far in the past, or an {@code iat} this far in the future, is still accepted
 * @param maxTokenLifetime the longest a token may live, from {@code iat} (or from now when it has
 * none) to {@code exp}; PROTOCOL §1 says 24 hours
 */
@ConfigurationProperties("oncaller.auth")
record AuthProperties(@DefaultValue("30s") Duration clockSkew, @DefaultValue("24h") Duration maxTokenLifetime) {

	AuthProperties {
		// A negative skew would silently refuse fresh tokens; fail at start-up instead.
		Assert.isTrue(!clockSkew.isNegative(), "oncaller.auth.clock-skew must not be negative");
		Assert.isTrue(!maxTokenLifetime.isNegative() && !maxTokenLifetime.isZero(),
				"oncaller.auth.max-token-lifetime must be positive");
	}

}
