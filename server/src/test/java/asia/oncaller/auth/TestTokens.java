package asia.oncaller.auth;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;

/**
 * Builds tokens by hand for the auth tests: header and claims are plain maps serialized as they
 * are, so a test can break exactly one thing (an {@code alg}, a claim type) and sign the rest.
 */
final class TestTokens {

	private TestTokens() {
	}

	/** The header of PROTOCOL §1, mutable. */
	static Map<String, Object> header() {
		Map<String, Object> header = new LinkedHashMap<>();
		header.put("typ", "JWT");
		header.put("alg", "HS256");
		header.put("cty", "oncaller-api;v=1");
		return header;
	}

	/** Valid client claims, mutable: issued now by {@code issuer}, for one hour, for alice. */
	static Map<String, Object> claims(String issuer, Instant now) {
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("jti", UUID.randomUUID().toString());
		claims.put("iss", issuer);
		claims.put("iat", now.getEpochSecond());
		claims.put("exp", now.plusSeconds(3600).getEpochSecond());
		claims.put("userId", "alice");
		return claims;
	}

	/** Header and claims as given, HMAC-signed with the header's {@code alg} (HS256 or HS512). */
	static String signed(Map<String, Object> header, Map<String, Object> claims, String secret) {
		String signingInput = unsigned(header, claims);
		try {
			JWSHeader signerHeader = new JWSHeader(JWSAlgorithm.parse((String) header.get("alg")));
			Base64URL signature = new MACSigner(secret.getBytes(StandardCharsets.UTF_8)).sign(signerHeader,
					signingInput.getBytes(StandardCharsets.US_ASCII));
			return signingInput + "." + signature;
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The first two parts, without the dot and signature that follow. */
	static String unsigned(Map<String, Object> header, Map<String, Object> claims) {
		return encode(JSONObjectUtils.toJSONString(header)) + "." + encode(JSONObjectUtils.toJSONString(claims));
	}

	/** Base64url of UTF-8 text, without padding. */
	static String encode(String text) {
		return Base64URL.encode(text.getBytes(StandardCharsets.UTF_8)).toString();
	}

}
