package asia.oncaller.auth;

/** A valid REST token of the wrong kind for the endpoint: HTTP 403. */
public class RestAccessDeniedException extends RuntimeException {

	RestAccessDeniedException(String message) {
		super(message, null, false, false);
	}

}
