package asia.oncaller.auth;

/**
 * A {@code /v1} request without a valid credential: HTTP 401 with the authentication result
 * code of PROTOCOL §1 as the problem's {@code code}.
 */
public class RestAuthenticationException extends RuntimeException {

	private final AuthCode code;

	RestAuthenticationException(AuthCode code) {
		// No stack trace: a refused token is an everyday event, not a bug.
		super(code.message(), null, false, false);
		this.code = code;
	}

	/** Why the credential was refused. */
	public AuthCode code() {
		return this.code;
	}

}
