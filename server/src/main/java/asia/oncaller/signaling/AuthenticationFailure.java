package asia.oncaller.signaling;

import asia.oncaller.auth.AuthCode;

import org.springframework.messaging.MessagingException;

/** A CONNECT whose token was refused; becomes an ERROR frame with the authen code. */
class AuthenticationFailure extends MessagingException {

	private final AuthCode code;

	AuthenticationFailure(AuthCode code) {
		super(code.message());
		this.code = code;
	}

	AuthCode code() {
		return this.code;
	}

}
