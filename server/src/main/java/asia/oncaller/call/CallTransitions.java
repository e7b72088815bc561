package asia.oncaller.call;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

import asia.oncaller.billing.Grant;

/**
 * The conditional updates that move a call between states. Each names the states it may start
 * from, so when two devices or nodes race, the database lets exactly one of them win: the winner
 * gets the updated call back, the others nothing. One statement each ({@code UPDATE … RETURNING}),
 * so the winner needs no second read.
 */
public interface CallTransitions {

	/** CALLING to RINGING. */
	Optional<Call> markRinging(String id, Instant now);

	/**
	 * CALLING or RINGING to ANSWERED by one device, with the answered time granted (its deadline
	 * is {@code now} plus the grant) and what that time reserves; the call is seen alive now.
	 */
	Optional<Call> markAnswered(String id, Instant now, String deviceId, String connectionId, Grant grant);

	/** Any of {@code from} to a final state, with the record's end time, reason and SIP code. */
	Optional<Call> markEnded(String id, Collection<CallState> from, CallState state, Instant now, String reason,
			Integer sipCode);

	/**
	 * A larger grant for an answered call whose grant is still {@code grantedSeconds} and has not
	 * run out at {@code now}: a grant that ran out ends the call instead (see {@link #markExpired}).
	 */
	Optional<Call> extendGrant(String id, int grantedSeconds, Grant grant, Instant deadline, Instant now);

	/**
	 * ANSWERED to a final state because its grant of {@code grantedSeconds} ran out by {@code now}:
	 * not when another node has extended the grant meanwhile.
	 */
	Optional<Call> markExpired(String id, Integer grantedSeconds, Instant now, CallState state, String reason,
			Integer sipCode);

	/**
	 * ANSWERED to ENDED for a call no node has seen alive since {@code staleBefore}; it ends at
	 * the last moment it was known alive (never after its deadline), which is what it is billed to.
	 */
	Optional<Call> markLost(String id, Instant staleBefore, String reason);

	/**
	 * An answered phone call's app leg moves from {@code userId} (on {@code connectionId}, or any
	 * connection when {@code null}) to {@code targetUserId}, whose devices ring until
	 * {@code ringDeadline}; the phone party stays connected.
	 */
	Optional<Call> markTransferred(String id, String userId, String connectionId, String targetUserId, Instant now,
			Instant ringDeadline);

	/** The transfer target answers on one device: it becomes the call's app leg. */
	Optional<Call> markTransferAnswered(String id, String deviceId, String connectionId, Instant now);

}
