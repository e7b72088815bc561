package asia.oncaller.common;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Makes public identifiers and secrets: a two-letter prefix that names the kind of thing
 * ({@code AC} account, {@code PJ} project, {@code SK} API key, ...) and 32 random hex digits,
 * so that an id tells nothing about how many others exist.
 */
public final class Sids {

	private static final SecureRandom RANDOM = new SecureRandom();

	private Sids() {
	}

	/** A new SID such as {@code AC3f…}: the prefix and 128 random bits in lower-case hex. */
	public static String newSid(String prefix) {
		return prefix + randomHex(16);
	}

	/** A new secret with 256 random bits, in hex, fit to sign HS256 tokens. */
	public static String newSecret() {
		return randomHex(32);
	}

	private static String randomHex(int bytes) {
		byte[] buffer = new byte[bytes];
		RANDOM.nextBytes(buffer);
		return HexFormat.of().formatHex(buffer);
	}

}
