package asia.oncaller.call;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mints TURN credentials the way coturn checks them with {@code use-auth-secret} (the "TURN REST
 * API" draft, draft-uberti-behave-turn-rest): the username is {@code <expiry unix seconds>:<userId>}
 * and the credential is base64(HMAC-SHA1(secret, username)). coturn refuses the pair once the
 * expiry has passed, and nobody without the secret can make a pair that it accepts, so a
 * credential handed to one user neither lasts nor opens the relay to anyone who guesses a name.
 */
final class TurnCredentials {

	private final SecretKeySpec key;

	private final Duration lifetime;

	TurnCredentials(String secret, Duration lifetime) {
		this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1");
		this.lifetime = lifetime;
	}

	/** A username and credential for {@code userId}, valid until {@code now} plus the lifetime. */
	Minted mint(String userId, Instant now) {
		String username = now.plus(this.lifetime).getEpochSecond() + ":" + userId;
		return new Minted(username, credential(username));
	}

	String credential(String username) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(this.key);
			return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			// HmacSHA1 is a required algorithm of every Java platform.
			throw new IllegalStateException(ex);
		}
	}

	record Minted(String username, String credential) {
	}

}
