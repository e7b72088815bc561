package asia.oncaller.call;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a call is. Transitions only go forward; {@link #BUSY} and {@link #ENDED} are final.
 * The codes are those of the {@code signalingState} event (4 is never sent). The one restart is
 * a failover's new callee leg, which starts at {@link #CALLING} again ({@link Call#retarget}).
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

	/** Whether the call can go from this state to {@code next}. */
	public boolean canMoveTo(CallState next) {
		return switch (this) {
			case CALLING -> next != CALLING;
			case RINGING -> next != CALLING && next != RINGING;
			case ANSWERED -> next == ENDED;
			case BUSY, ENDED -> false;
		};
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
