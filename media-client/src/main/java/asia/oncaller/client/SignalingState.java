package asia.oncaller.client;

/**
 * The {@code signalingstate} event: 1 Calling, 2 Ringing, 3 Answered, 5 Busy, 6 Ended (4 is
 * never sent; 5 and 6 are final and release the call's media).
 *
 * @param code the state code
 * @param reason the server's reason, e.g. {@code "No answer"}
 * @param sipCode the SIP code for ends (e.g. 486, 480), or {@code null}
 * @param sipReason the SIP reason, or {@code null}
 */
public record SignalingState(int code, String reason, Integer sipCode, String sipReason) {

	/** Calling. */
	public static final int CALLING = 1;

	/** Ringing. */
	public static final int RINGING = 2;

	/** Answered. */
	public static final int ANSWERED = 3;

	/** Busy: the callee rejected. Final. */
	public static final int BUSY = 5;

	/** Ended: hangup, timeout, lost connection. Final. */
	public static final int ENDED = 6;

	/** @return whether the call is over */
	public boolean isFinal() {
		return this.code == BUSY || this.code == ENDED;
	}

}
