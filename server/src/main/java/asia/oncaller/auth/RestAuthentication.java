package asia.oncaller.auth;

import java.util.Objects;

/**
 * The result of verifying a REST token: an {@link AuthCode}, and the identity when, and only when,
 * the code is {@link AuthCode#OK}.
 *
 * @param code the authentication result code of PROTOCOL §1
 * @param identity who the token speaks for, or {@code null} when it was refused
 */
public record RestAuthentication(AuthCode code, RestIdentity identity) {

	public RestAuthentication {
		Objects.requireNonNull(code, "code");
		if ((code == AuthCode.OK) != (identity != null)) {
			throw new IllegalArgumentException("An identity comes with OK and only with OK, not with " + code);
		}
	}

	static RestAuthentication success(RestIdentity identity) {
		return new RestAuthentication(AuthCode.OK, identity);
	}

	static RestAuthentication failure(AuthCode code) {
		return new RestAuthentication(code, null);
	}

	/** Whether the token was accepted. */
	public boolean ok() {
		return this.code == AuthCode.OK;
	}

}
