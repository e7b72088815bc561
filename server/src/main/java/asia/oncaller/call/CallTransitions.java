package asia.oncaller.call;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

import asia.oncaller.billing.Charge;
import asia.oncaller.billing.Grant;
import asia.oncaller.control.ConnectAction;

/**
 * The conditional updates that move a call between states. Each names the states it may start
 * from, so when two devices or nodes race, the database lets exactly one of them win: the winner
 * gets the updated call back, the others nothing. One statement each ({@code UPDATE … RETURNING}),
 * so the winner needs no second read.
 */
public interface CallTransitions {

	/** CALLING to RINGING; not while the call fails over, since its callee has failed. */
	Optional<Call> markRinging(String id, Instant now);

	/**
	 * CALLING or RINGING to ANSWERED by one device, with the answered time granted (its deadline
	 * is {@code now} plus the grant) and what that time reserves; the call is seen alive now. Not
	 * while the call fails over: the callee that failed may no longer take it.
	 */
	Optional<Call> markAnswered(String id, Instant now, String deviceId, String connectionId, Grant grant);

	/**
	 * The usual answer in one statement: CALLING or RINGING to ANSWERED by a device of
	 * {@code party}, checking in the same statement what {@code CallService#answer} would check
	 * on the row first: the party is the callee ({@link CallParties#roleOf}), the call is not
	 * failing over, and nobody prices it, so its grant is its maxConnectTime
	 * ({@link Grant#unpriced}) and needs no lock on the account. Empty when any check fails; the
	 * caller then reads the row to tell why, or to answer a priced call under the account's lock.
	 */
	Optional<Call> answerUnpriced(String id, Party party, Instant now);

	/**
	 * The usual hangup in one statement: a call nobody prices and nobody transferred ends because
	 * {@code party} may end it outright: its caller, from any live state ({@link CallEnd#NORMAL}
	 * once answered, else {@link CallEnd#CANCELED}), or the callee's answering device once
	 * answered ({@link CallEnd#NORMAL}); the record's end time, reason, SIP code and charge are
	 * written by the same statement ({@code CallCharging#chargeOf} of a free call: its answered
	 * time, never beyond the grant, rounded up to the second, for nothing). Empty when any check
	 * fails; the caller then reads the row to tell why, or takes the path that ends it otherwise.
	 */
	Optional<Call> hangUpUnpriced(String id, Party party, Instant now);

	/**
	 * Any of {@code from} to a final state, with the record's end time, reason, SIP code and
	 * {@code charge}: what the call is billed as its caller last read it. The caller checks it
	 * against the returned row, which another transaction may have changed since (see
	 * {@code CallCharging#charge}).
	 */
	Optional<Call> markEnded(String id, Collection<CallState> from, CallState state, Instant now, String reason,
			Integer sipCode, Charge charge);

	/**
	 * CALLING or RINGING to BUSY because a callee device rejected the call, with the record's end
	 * time, reason, SIP code and {@code charge} (as for {@link #markEnded}): not once the call fails
	 * over, since its callee already failed.
	 */
	Optional<Call> markRejected(String id, Instant now, String reason, Integer sipCode, Charge charge);

	/**
	 * A larger grant for an answered call whose grant is still {@code grantedSeconds} and has not
	 * run out at {@code now}: a grant that ran out ends the call instead (see {@link #markExpired}).
	 */
	Optional<Call> extendGrant(String id, int grantedSeconds, Grant grant, Instant deadline, Instant now);

	/**
	 * ANSWERED to a final state because its grant of {@code grantedSeconds} ran out by {@code now},
	 * with {@code charge} (as for {@link #markEnded}): not when another node has extended the grant
	 * meanwhile.
	 */
	Optional<Call> markExpired(String id, Integer grantedSeconds, Instant now, CallState state, String reason,
			Integer sipCode, Charge charge);

	/**
	 * ANSWERED to ENDED for a call no node has seen alive since {@code staleBefore}; it ends at
	 * the last moment it was known alive (never after its deadline), which is what it is billed to.
	 * The end time comes from the row, so the charge is written after it (see {@code CallCharging#charge}).
	 */
	Optional<Call> markLost(String id, Instant staleBefore, String reason);

	/**
	 * An answered phone call's app leg moves from {@code userId} (on {@code connectionId}, or any
	 * connection when {@code null}) to {@code targetUserId}, whose devices ring until
	 * {@code ringDeadline}; the phone party stays connected.
	 */
	Optional<Call> markTransferred(String id, String userId, String connectionId, String targetUserId, Instant now,
			Instant ringDeadline);

	/**
	 * A phone call, or an app caller's call, that the server answered to run its SCCO's actions
	 * reaches its {@code connect}: the connect's app user becomes its callee, whose devices ring
	 * until {@code ringDeadline} as a transfer target's do (nobody transferred it: no
	 * {@code transferred_from_user_id}), and the connect's custom data goes with it; an app
	 * caller's name becomes the connect's {@code from}. Only once, while the call is answered and
	 * has no app user.
	 */
	Optional<Call> markConnectedAfterActions(String id, ConnectAction connect, Instant now, Instant ringDeadline);

	/** The transfer target answers on one device: it becomes the call's app leg. */
	Optional<Call> markTransferAnswered(String id, String deviceId, String connectionId, Instant now);

	/**
	 * An unanswered call whose callee has just failed starts failing over: when its connect has
	 * continueOnFail and it was retargeted fewer than {@code maxFailovers} times. It keeps its
	 * state, records why ({@code reason}) and becomes due at {@code now}, so that the next sweep
	 * takes it over (see {@link #claimFailover}).
	 */
	Optional<Call> markConnectFailed(String id, String reason, Instant now, int maxFailovers);

	/**
	 * Takes over the failover of an unanswered call due by {@code now}: one already failing over,
	 * or one whose ring timed out while its connect has continueOnFail and it was retargeted fewer
	 * than {@code maxFailovers} times (reason {@code no_answer}). It becomes due again only at
	 * {@code leaseUntil}, so that no other sweep takes it meanwhile, unless this node dies.
	 */
	Optional<Call> claimFailover(String id, Instant now, Instant leaseUntil, int maxFailovers);

	/**
	 * The device holding one side of a live call dropped without a DISCONNECT (PROTOCOL §2.1):
	 * that side is away until {@code until}, when any node's sweep ends the call unless the device
	 * came back. Empty when the connection holds no side of it or that side is already away.
	 */
	Optional<Call> markAway(String id, String connectionId, Instant until);

	/**
	 * Ends a live call if a side of it is still away past its deadline at {@code now}, at that
	 * deadline: the record ends, and the call is charged, when the window ran out, however late a
	 * sweep comes. A device that came back meanwhile keeps the call.
	 */
	Optional<Call> markAwayEnded(String id, Instant now, String reason, Charge charge);

	/**
	 * The device that held a side through {@code awayConnectionId} came back on
	 * {@code connectionId}: the side moves to the new connection and waits no more, and an
	 * answered call counts as seen. Empty when the call is over or that connection no longer holds
	 * a side of it, or its deadline has passed (the sweep is about to end it), or the device already
	 * came back on another connection.
	 */
	Optional<Call> markBack(String id, String awayConnectionId, String connectionId, Instant now);

}
