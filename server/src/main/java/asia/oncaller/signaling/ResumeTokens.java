package asia.oncaller.signaling;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import asia.oncaller.call.ResumeProperties;

import org.springframework.stereotype.Component;

/**
 * The {@code resumeToken} of {@code authen} (PROTOCOL §2.1): it names the connection it was given
 * on, signed with the node's resume secret over that connection and its project, user and
 * device. Presented on a later connection of the same user and device, it proves that the device
 * held the calls of the old connection; to anyone else (another user, another device of the same
 * user, a forged or altered token) it proves nothing. It is no credential by itself: the new
 * connection signs in with an access token like any other.
 */
@Component
class ResumeTokens {

	private static final String ALGORITHM = "HmacSHA256";

	/** Far above a token's length (about 90 characters), and below what could cost anything to read. */
	private static final int MAX_LENGTH = 256;

	private final SecretKeySpec key;

	ResumeTokens(ResumeProperties properties) {
		byte[] secret;
		if (properties.secret() != null) {
			secret = properties.secret().getBytes(StandardCharsets.UTF_8);
		}
		else {
			secret = new byte[32];
			new SecureRandom().nextBytes(secret);
		}
		this.key = new SecretKeySpec(secret, ALGORITHM);
	}

	/** The token for this connection. */
	String issue(ClientPrincipal principal) {
		Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
		return base64.encodeToString(principal.connectionId().getBytes(StandardCharsets.UTF_8)) + "."
				+ base64.encodeToString(signature(principal, principal.connectionId()));
	}

	/**
	 * The connection that a token presented by this principal was given on, when it was given
	 * to this principal's project, user and device; empty for anything else.
	 */
	Optional<String> connectionOf(ClientPrincipal principal, String token) {
		if (token == null || token.length() > MAX_LENGTH) {
			return Optional.empty();
		}
		int dot = token.indexOf('.');
		if (dot < 1 || dot != token.lastIndexOf('.')) {
			return Optional.empty();
		}
		try {
			Base64.Decoder base64 = Base64.getUrlDecoder();
			String connectionId = new String(base64.decode(token.substring(0, dot)), StandardCharsets.UTF_8);
			byte[] presented = base64.decode(token.substring(dot + 1));
			return MessageDigest.isEqual(presented, signature(principal, connectionId)) ? Optional.of(connectionId)
					: Optional.empty();
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private byte[] signature(ClientPrincipal principal, String connectionId) {
		// Each part is prefixed with its length, so the signed text names one combination of them.
		StringBuilder signed = new StringBuilder();
		for (String part : new String[] { principal.identity().projectId(), principal.identity().userId(),
				principal.deviceId(), connectionId }) {
			signed.append(part.length()).append(':').append(part);
		}
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(this.key);
			return mac.doFinal(signed.toString().getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
		}
	}

}
