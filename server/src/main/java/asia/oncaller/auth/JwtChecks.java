package asia.oncaller.auth;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.MACVerifier;

import org.springframework.stereotype.Component;

/**
 * The checks every token kind shares once its key is known, in this order:
 * <ol>
 * <li>{@code EXPIRED_OR_BAD_SIGNATURE}: the HMAC does not verify with the secret (compared in
 * constant time by nimbus), or the secret is shorter than 256 bits and so cannot sign any valid
 * token; then {@code exp} is not after now minus the clock skew.</li>
 * <li>{@code INVALID_PAYLOAD}: the times make no sense, which only a signed token may tell us:
 * {@code exp} above 10<sup>11</sup> (milliseconds, not seconds); {@code iat} negative or after
 * now plus the skew; {@code nbf} after now plus the skew; {@code exp} before {@code iat} or more
 * than the maximum lifetime after it; without {@code iat}, {@code exp} more than the maximum
 * lifetime plus the skew after now.</li>
 * </ol>
 * Verifiers of the client and the REST tokens call it, then check their own claims.
 */
@Component
class JwtChecks {

	/** Year 5138 in seconds, but 1973 in milliseconds: no honest {@code exp} is above it. */
	static final long MAX_EXP_SECONDS = 100_000_000_000L;

	private final AuthProperties properties;

	private final Clock clock;

	JwtChecks(AuthProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Whether {@code token} was signed with {@code secret} and is current.
	 * @return {@code OK}, {@code EXPIRED_OR_BAD_SIGNATURE} or {@code INVALID_PAYLOAD}
	 */
	AuthCode verify(UnverifiedToken token, String secret) {
		Instant now = this.clock.instant();
		if (!isSignedWith(token, secret)
				|| token.expiresAt() <= now.minus(this.properties.clockSkew()).getEpochSecond()) {
			return AuthCode.EXPIRED_OR_BAD_SIGNATURE;
		}
		return hasSaneTimes(token, now) ? AuthCode.OK : AuthCode.INVALID_PAYLOAD;
	}

	private static boolean isSignedWith(UnverifiedToken token, String secret) {
		try {
			return new MACVerifier(secret.getBytes(StandardCharsets.UTF_8)).verify(token.header(),
					token.signingInput().getBytes(StandardCharsets.US_ASCII), token.signature());
		}
		catch (JOSEException ex) {
			// A secret under 256 bits: TokenIssuer cannot sign with it, so no token is valid.
			return false;
		}
	}

	private boolean hasSaneTimes(UnverifiedToken token, Instant now) {
		long exp = token.expiresAt();
		long latestIssue = now.plus(this.properties.clockSkew()).getEpochSecond();
		long maxLifetime = this.properties.maxTokenLifetime().getSeconds();
		if (exp > MAX_EXP_SECONDS || (token.notBefore() != null && token.notBefore() > latestIssue)) {
			return false;
		}
		if (token.issuedAt() == null) {
			return exp <= latestIssue + maxLifetime;
		}
		long iat = token.issuedAt();
		// Both bounds keep exp - iat free of overflow: exp is in (0, 1e11] by now.
		return iat >= 0 && iat <= latestIssue && exp >= iat && exp - iat <= maxLifetime;
	}

}
