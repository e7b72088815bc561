package asia.oncaller.api;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Opaque paging cursors: the key of the last row returned, base64url-encoded, with an HMAC that
 * also covers the query the cursor belongs to (endpoint, tenant and filters). A cursor that was
 * altered, or replayed with other filters or another token's tenant, fails the check and gets 400;
 * so a cursor can only continue the listing it came from.
 */
@Component
public class Cursors {

	private static final int MAC_BYTES = 16;

	private static final int MAX_CURSOR_LENGTH = 512;

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private final SecretKeySpec key;

	Cursors(ApiProperties properties) {
		byte[] secret = new byte[32];
		if (properties.cursorSecret() != null) {
			secret = sha256(properties.cursorSecret());
		}
		else {
			new SecureRandom().nextBytes(secret);
		}
		this.key = new SecretKeySpec(secret, "HmacSHA256");
	}

	/** A cursor for the key parts (none may contain a line feed) of the last row of a page. */
	public String encode(String scope, List<String> keyParts) {
		byte[] payload = String.join("\n", keyParts).getBytes(StandardCharsets.UTF_8);
		return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(scope, payload));
	}

	/**
	 * The key parts of a cursor made by {@link #encode} for the same scope.
	 * @throws ApiException 400 {@code invalid-cursor} for anything else
	 */
	public List<String> decode(String scope, String cursor, int expectedParts) {
		if (cursor.length() > MAX_CURSOR_LENGTH) {
			throw invalid();
		}
		int dot = cursor.indexOf('.');
		if (dot < 0) {
			throw invalid();
		}
		byte[] payload;
		byte[] mac;
		try {
			payload = DECODER.decode(cursor.substring(0, dot));
			mac = DECODER.decode(cursor.substring(dot + 1));
		}
		catch (IllegalArgumentException ex) {
			throw invalid();
		}
		// Base64 leaves a few bits of the last character unused; only the canonical text of a
		// cursor is accepted, so that every altered character is refused, not just most.
		String canonical = ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac);
		if (!canonical.equals(cursor) || !MessageDigest.isEqual(mac, mac(scope, payload))) {
			throw invalid();
		}
		List<String> parts = List.of(new String(payload, StandardCharsets.UTF_8).split("\n", -1));
		if (parts.size() != expectedParts) {
			throw invalid();
		}
		return parts;
	}

	public static ApiException invalid() {
		return new ApiException(ProblemType.INVALID_CURSOR,
				"cursor is not one this listing handed out (altered, expired by a restart, or from other filters)");
	}

	private byte[] mac(String scope, byte[] payload) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			mac.update(scope.getBytes(StandardCharsets.UTF_8));
			mac.update((byte) 0);
			return Arrays.copyOf(mac.doFinal(payload), MAC_BYTES);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Every Java platform has HmacSHA256", ex);
		}
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

}
