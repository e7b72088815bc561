package asia.oncaller.auth;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.springframework.stereotype.Component;

/**
 * Signs tokens the way a customer's own server does (PROTOCOL §1): HS256, content type
 * {@code oncaller-api;v=1}, issued by an API key SID (or, for account REST tokens, an account
 * SID) and signed with its secret. The server itself issues only demo tokens and test tokens.
 */
@Component
public class TokenIssuer {

	static final String CONTENT_TYPE = "oncaller-api;v=1";

	/** A client token for STOMP CONNECT, valid for {@code ttl} (at most 24 hours). */
	public String clientToken(String apiKeySid, String apiKeySecret, String userId, Duration ttl) {
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().jwtID(UUID.randomUUID().toString())
			.issuer(apiKeySid)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(ttl)))
			.claim("userId", userId)
			.build();
		return sign(claims, apiKeySecret);
	}

	/**
	 * A REST token (PROTOCOL §1), valid for {@code ttl} (at most 24 hours): a project token when
	 * {@code issuer} is an API key SID and {@code secret} its secret, an account token when it is
	 * an account SID and the account's secret.
	 */
	public String restToken(String issuer, String secret, Duration ttl) {
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().jwtID(UUID.randomUUID().toString())
			.issuer(issuer)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(ttl)))
			.claim("rest_api", true)
			.build();
		return sign(claims, secret);
	}

	private String sign(JWTClaimsSet claims, String secret) {
		JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT)
			.contentType(CONTENT_TYPE)
			.build();
		SignedJWT jwt = new SignedJWT(header, claims);
		try {
			jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot sign a token: the secret is shorter than 256 bits", ex);
		}
		return jwt.serialize();
	}

}
