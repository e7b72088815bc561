package asia.oncaller.call;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a call is. Transitions only go forward; {@link #BUSY} and {@link #ENDED} are final.
 * The codes are those of the {@code signalingState} event (4 is never sent). The one restart is
 * a failover's new callee leg, which starts at {@link #CALLING} again ({@link Call#retarget}).
 * The transitions themselves are the {@code WHERE status IN (…)} guards of {@link CallTransitions}:
 * the database applies them, so that a race has one winner, and no second table here can drift
 * from them.
 */
public enum CallState {

	CALLING(1), RINGING(2), ANSWERED(3), BUSY(5), ENDED(6);

	private final int code;

	CallState(int code) {
		this.code = code;
	}

	/** The {@code signalingState} code of this state. */
	public int code() {
		return this.code;
	}

	/** Whether the call is over. */
	public boolean isFinal() {
		return this == BUSY || this == ENDED;
	}

	/** The states of a call still in progress. */
	public static Set<CallState> live() {
		return EnumSet.of(CALLING, RINGING, ANSWERED);
	}

}
