package asia.oncaller.auth;

import java.util.Objects;

/**
 * The result of verifying a client token: an {@link AuthCode}, and the identity when, and only
 * when, the code is {@link AuthCode#OK}.
 *
 * @param code the authen result code
 * @param identity who the token speaks for, or {@code null} when the token was refused
 */
public record AuthOutcome(AuthCode code, ClientIdentity identity) {

	public AuthOutcome {
		Objects.requireNonNull(code, "code");
		if ((code == AuthCode.OK) != (identity != null)) {
			throw new IllegalArgumentException("An identity comes with OK and only with OK, not with " + code);
		}
	}

	/** An accepted token that speaks for {@code identity}. */
	public static AuthOutcome success(ClientIdentity identity) {
		return new AuthOutcome(AuthCode.OK, Objects.requireNonNull(identity, "identity"));
	}

	/** A refused token; {@code code} says why and must not be {@link AuthCode#OK}. */
	public static AuthOutcome failure(AuthCode code) {
		return new AuthOutcome(code, null);
	}

	/** Whether the token was accepted. */
	public boolean ok() {
		return this.code == AuthCode.OK;
	}

}
