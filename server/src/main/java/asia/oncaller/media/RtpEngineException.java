package asia.oncaller.media;

/**
 * rtpengine refused a request ({@code result: error}) or did not answer it. The SIP side treats
 * it as a media failure of the call (a 488 or 500 toward the phone, an ended call toward the
 * app); the message carries rtpengine's {@code error-reason}.
 */
public class RtpEngineException extends RuntimeException {

	private final String errorReason;

	RtpEngineException(String command, String errorReason) {
		super("rtpengine refused '" + command + "': " + errorReason);
		this.errorReason = errorReason;
	}

	RtpEngineException(String message, Throwable cause) {
		super(message, cause);
		this.errorReason = null;
	}

	/** rtpengine's own words ({@code error-reason}), or null when it did not answer at all. */
	public String errorReason() {
		return this.errorReason;
	}

}
