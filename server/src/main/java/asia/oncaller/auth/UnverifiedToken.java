package asia.oncaller.auth;

import java.util.Map;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;

/**
 * A token of the right shape whose signature has not been checked yet. Until {@link JwtChecks}
 * has verified it, only {@link #issuer()} may be used, and only to find the key that should have
 * signed it.
 *
 * @param header the parsed HS256 header
 * @param signingInput the first two parts as received, dot included: what the signature covers
 * @param signature the third part
 * @param claims the payload, a JSON object
 * @param issuer the {@code iss} claim
 * @param expiresAt the {@code exp} claim, in epoch seconds
 * @param issuedAt the {@code iat} claim in epoch seconds, or {@code null}
 * @param notBefore the {@code nbf} claim in epoch seconds, or {@code null}
 */
record UnverifiedToken(JWSHeader header, String signingInput, Base64URL signature, Map<String, Object> claims,
		String issuer, long expiresAt, Long issuedAt, Long notBefore) {

}
