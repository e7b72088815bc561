package asia.oncaller.client;

/**
 * Where a call stands on this device. States only move forward; {@link #ENDED} is final.
 * An outgoing call starts {@link #NEW}, an incoming one {@link #RINGING}.
 */
public enum CallState {

	/** Created, {@code makeCall} not called yet. */
	NEW,

	/** {@code makeCall} sent; waiting for the callee. */
	CALLING,

	/** The callee's device rings (incoming calls start here). */
	RINGING,

	/** Answered: media flows. */
	ANSWERED,

	/** Over: hung up, rejected, busy, timed out, answered elsewhere, or the connection was lost. */
	ENDED;

	/**
	 * @param next a state
	 * @return whether the call may move from this state to {@code next}
	 */
	public boolean canMoveTo(CallState next) {
		return this != ENDED && next.ordinal() > ordinal();
	}

	/** @return whether the call is in progress (calling, ringing or answered) */
	public boolean isLive() {
		return this == CALLING || this == RINGING || this == ANSWERED;
	}

}
