package asia.oncaller.auth;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;

/**
 * Reads a compact HS256 JWT into an {@link UnverifiedToken}, or names the code that refuses it,
 * in the order of PROTOCOL §1:
 * <ol>
 * <li>{@code TOKEN_EMPTY}: {@code null}, empty or blank.</li>
 * <li>{@code CANNOT_DECODE}: longer than {@value #MAX_LENGTH} characters; not three parts of the
 * base64url alphabet without padding; header or payload not a JSON object (duplicate members
 * included).</li>
 * <li>{@code NOT_HS256}: header {@code alg} anything but the string {@code HS256}, absent
 * included. Read from the raw JSON, because nimbus will not parse an {@code alg: none} token as
 * a JWS at all.</li>
 * <li>{@code INVALID_FORMAT}: a header nimbus refuses as a JWS header; {@code typ} present and not
 * {@code JWT} (case-insensitive, as RFC 7515 compares it); {@code cty} present and not
 * {@code oncaller-api;v=1}; any {@code crit} (we understand no extension, and RFC 7515 says to
 * refuse what we do not understand); {@code iss} missing or not a string; {@code exp} missing or
 * not a number; {@code iat} or {@code nbf} present and not a number; {@code jti} present and not
 * a string.</li>
 * </ol>
 * It looks up no key and checks no signature nor time, so every kind of token shares it.
 */
final class TokenParser {

	/**
	 * A real token is a few hundred characters; a header of megabytes is an attack, refused
	 * before any decoding.
	 */
	static final int MAX_LENGTH = 8192;

	private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]*");

	private TokenParser() {
	}

	/** The token, or the code that refuses it; never throws. */
	static Result parse(String token) {
		if (token == null || token.isBlank()) {
			return Result.refused(AuthCode.TOKEN_EMPTY);
		}
		String[] parts = token.split("\\.", -1);
		if (token.length() > MAX_LENGTH || parts.length != 3 || !allBase64Url(parts)) {
			return Result.refused(AuthCode.CANNOT_DECODE);
		}
		Map<String, Object> header = jsonObject(parts[0]);
		Map<String, Object> claims = jsonObject(parts[1]);
		if (header == null || claims == null) {
			return Result.refused(AuthCode.CANNOT_DECODE);
		}
		if (!JWSAlgorithm.HS256.getName().equals(header.get("alg"))) {
			return Result.refused(AuthCode.NOT_HS256);
		}
		JWSHeader jwsHeader = jwsHeader(header, parts[0]);
		if (jwsHeader == null || !isOnCallerHeader(header) || !hasClaimTypes(claims)) {
			return Result.refused(AuthCode.INVALID_FORMAT);
		}
		return Result.of(new UnverifiedToken(jwsHeader, parts[0] + "." + parts[1], new Base64URL(parts[2]), claims,
				(String) claims.get("iss"), epochSeconds(claims.get("exp")), epochSeconds(claims.get("iat")),
				epochSeconds(claims.get("nbf"))));
	}

	private static boolean allBase64Url(String[] parts) {
		for (String part : parts) {
			// nimbus decodes leniently (it skips foreign characters), so check the alphabet here;
			// a length of 4n+1 cannot come out of any encoder.
			if (!BASE64URL.matcher(part).matches() || part.length() % 4 == 1) {
				return false;
			}
		}
		return true;
	}

	private static Map<String, Object> jsonObject(String part) {
		try {
			// The JDK's decoder: nimbus's decodes in constant time, which no public part needs and
			// which cost a CONNECT more than the signature's HMAC (docs/performance.md, "Sign-ins").
			return JSONObjectUtils.parse(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8));
		}
		catch (ParseException | IllegalArgumentException ex) {
			return null;
		}
	}

	private static JWSHeader jwsHeader(Map<String, Object> header, String part) {
		try {
			return JWSHeader.parse(header, new Base64URL(part));
		}
		catch (ParseException ex) {
			return null;
		}
	}

	private static boolean isOnCallerHeader(Map<String, Object> header) {
		Object type = header.get("typ");
		Object contentType = header.get("cty");
		return (type == null || "JWT".equalsIgnoreCase(asString(type)))
				&& (contentType == null || TokenIssuer.CONTENT_TYPE.equals(contentType))
				&& !header.containsKey("crit");
	}

	private static boolean hasClaimTypes(Map<String, Object> claims) {
		return claims.get("iss") instanceof String && claims.get("exp") instanceof Number
				&& isAbsentOr(claims.get("iat"), Number.class) && isAbsentOr(claims.get("nbf"), Number.class)
				&& isAbsentOr(claims.get("jti"), String.class);
	}

	private static boolean isAbsentOr(Object value, Class<?> type) {
		return value == null || type.isInstance(value);
	}

	private static String asString(Object value) {
		return (value instanceof String string) ? string : null;
	}

	private static Long epochSeconds(Object value) {
		if (value == null) {
			return null;
		}
		// JSON integers arrive as Long; anything else as Double, whose cast saturates at the
		// long range instead of overflowing, so absurd values stay absurd rather than wrap.
		return (value instanceof Long seconds) ? seconds : (long) Math.floor(((Number) value).doubleValue());
	}

	/**
	 * What {@link #parse} found: a token, or the code that refuses it.
	 *
	 * @param failure the refusing code, or {@code null} when the token is there
	 * @param token the token, or {@code null} when refused
	 */
	record Result(AuthCode failure, UnverifiedToken token) {

		static Result of(UnverifiedToken token) {
			return new Result(null, token);
		}

		static Result refused(AuthCode failure) {
			return new Result(failure, null);
		}

		boolean ok() {
			return this.token != null;
		}

	}

}
