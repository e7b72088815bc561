package asia.oncaller.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.springframework.stereotype.Component;

/**
 * Checks the operator's credential. Both sides are hashed before the constant-time comparison,
 * so that neither the content nor the length of the configured secret leaks through timing.
 */
@Component
class OperatorCredential {

	private final byte[] expectedDigest;

	OperatorCredential(OperatorProperties properties) {
		this.expectedDigest = (properties.token() != null) ? sha256(properties.token()) : null;
	}

	/**
	 * Accepts the presented credential or throws.
	 * @param presented the bearer value of the request, or {@code null}
	 * @throws OperatorApiDisabledException when no operator token is configured
	 * @throws RestAuthenticationException with code 1 when none was presented, 6 when it is wrong
	 */
	void check(String presented) {
		if (this.expectedDigest == null) {
			throw new OperatorApiDisabledException();
		}
		if (presented == null || presented.isBlank()) {
			throw new RestAuthenticationException(AuthCode.TOKEN_EMPTY);
		}
		if (!MessageDigest.isEqual(this.expectedDigest, sha256(presented))) {
			throw new RestAuthenticationException(AuthCode.EXPIRED_OR_BAD_SIGNATURE);
		}
	}

	/** The SHA-256 digest of the text's UTF-8 bytes; also keys a REST token's rate without keeping it. */
	static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

}
