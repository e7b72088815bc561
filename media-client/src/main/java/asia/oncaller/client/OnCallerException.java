package asia.oncaller.client;

/**
 * An SDK error: the payload of the {@code error} event, and what the SDK throws for misuse that
 * cannot be reported through a callback.
 */
public class OnCallerException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final transient OnCallerError error;

	/**
	 * @param error the catalog entry
	 * @param detail what exactly happened, or {@code null}
	 */
	public OnCallerException(OnCallerError error, String detail) {
		this(error, detail, null);
	}

	/**
	 * @param error the catalog entry
	 * @param detail what exactly happened, or {@code null}
	 * @param cause the cause, or {@code null}
	 */
	public OnCallerException(OnCallerError error, String detail, Throwable cause) {
		super((detail != null && !detail.isBlank()) ? error.message() + ": " + detail : error.message(), cause);
		this.error = error;
	}

	/** @return the catalog entry */
	public OnCallerError getError() {
		return this.error;
	}

	/** @return the numeric code, as {@link OnCallerError#code()} */
	public int getCode() {
		return this.error.code();
	}

}
