package asia.oncaller.control;

/**
 * Why a text is not a valid SCCO. Never leaves this package: {@link SccoParser#parse} turns it
 * into result code 2, and the reason only reaches the log.
 */
class InvalidSccoException extends RuntimeException {

	InvalidSccoException(String reason) {
		super(reason, null, false, false);
	}

}
