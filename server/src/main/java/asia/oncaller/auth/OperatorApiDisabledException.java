package asia.oncaller.auth;

/**
 * An operator endpoint on a server with no {@code oncaller.operator.token}: it answers 404, as
 * for a path that does not exist, so that nobody can tell the operator API is there.
 */
public class OperatorApiDisabledException extends RuntimeException {

	OperatorApiDisabledException() {
		super("Not found", null, false, false);
	}

}
