package asia.oncaller.call;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import asia.oncaller.call.CallParties.Role;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Calls that outlive a dropped connection (PROTOCOL §2.1). A device whose connection closes
 * without a DISCONNECT leaves its sides of live calls away for the resume window, and the other
 * party hears {@code peerConnection lost}; nothing else changes meanwhile (ring timeout,
 * maxConnectTime, balance and charging run on). The device comes back on a new connection, to
 * any node, and resumes each call: its side moves to the new connection, it gets the events it
 * missed, and the other party hears {@code restored}. Past the window any node's sweep ends the
 * call as {@code Connection lost}, charged to that moment. Which connection held a side is in the
 * call's row, and every step is a conditional update, so the database settles a resume racing
 * the deadline or another resume.
 */
@Service
public class CallResumption {

	private final CallRepository calls;

	private final CallTerminator terminator;

	private final MissedEvents missed;

	private final Clock clock;

	private final ResumeProperties properties;

	private final CallConnections connections;

	CallResumption(CallRepository calls, CallTerminator terminator, MissedEvents missed, Clock clock,
			ResumeProperties properties, CallConnections connections) {
		this.calls = calls;
		this.terminator = terminator;
		this.missed = missed;
		this.clock = clock;
		this.properties = properties;
		this.connections = connections;
	}

	/** How long a dropped device's calls wait for it; zero when resuming is off. */
	public Duration window() {
		return this.properties.window();
	}

	/**
	 * The side of the call that the dropped connection held waits for its device until the
	 * window ends; the other party hears {@code peerConnection lost}. In the caller's transaction.
	 * @return the events to send, or empty when the connection holds no side of it any more
	 */
	Optional<List<Delivery>> leave(String callId, String connectionId) {
		return this.calls.markAway(callId, connectionId, this.clock.instant().plus(window()))
			.map((call) -> List.of(new Delivery(otherSide(call, connectionId), CallEvents.peerConnection(call, "lost"))));
	}

	/**
	 * The party's device, back on a new connection, resumes a call that its connection
	 * {@code awayConnectionId} held, or that rang on it unanswered. Replies 0 with the call's
	 * {@code state}, then the events with a {@code seq} above {@code lastSeq} in order; 1 with
	 * the final {@code state} and {@code reason} when the call ended meanwhile; 11 when the resume
	 * token was wrong or the call is not this device's (a call that rang here and was answered on
	 * another device included).
	 * @param awayConnectionId the connection that the party's resume token names, or
	 * {@code null} when it had none or a wrong one
	 */
	@Transactional
	public CallResult resume(Party party, String callId, String awayConnectionId, long lastSeq) {
		Optional<Call> found = this.calls.findById(callId);
		if (found.isEmpty()) {
			return CallResult.of(CallOutcome.CALL_NOT_EXIST);
		}
		Call call = found.get();
		if (awayConnectionId == null || !(heldBy(call, party, awayConnectionId) || isCallee(call, party))) {
			return CallResult.of(CallOutcome.NOT_ALLOWED);
		}
		if (call.getStatus().isFinal()) {
			return ended(call, List.of());
		}
		if (!heldBy(call, party, awayConnectionId)) {
			return stillRinging(call, party, lastSeq);
		}
		boolean wasAway = call.awayUntil(isCallerSide(call, awayConnectionId)) != null;
		this.connections.takingPart(party.connectionId());
		Optional<Call> back = this.calls.markBack(callId, awayConnectionId, party.connectionId(),
				this.clock.instant());
		if (back.isEmpty()) {
			// Its deadline passed before the sweep came: end it now, the sweep's way, or see who won.
			List<Delivery> ending = this.terminator.endAway(callId).orElse(List.of());
			Call current = this.calls.findById(callId).orElseThrow();
			return current.getStatus().isFinal() ? ended(current, ending) : CallResult.of(CallOutcome.NOT_ALLOWED);
		}
		Call resumed = back.get();
		List<Delivery> deliveries = new ArrayList<>(missedEvents(callId, party, lastSeq));
		if (wasAway) {
			deliveries.add(new Delivery(otherSide(resumed, party.connectionId()),
					CallEvents.peerConnection(resumed, "restored")));
		}
		return CallResult.ok(deliveries).with("state", resumed.getStatus().code());
	}

	/**
	 * A device of the callee that was only ringing: no side of the call was its, so nothing moves
	 * and nobody heard it leave, but while the call still rings it rings here again, with what the
	 * device missed (the device may answer it). Answered elsewhere, it is not this device's.
	 */
	private CallResult stillRinging(Call call, Party party, long lastSeq) {
		if (call.getStatus() == CallState.ANSWERED) {
			return CallResult.of(CallOutcome.NOT_ALLOWED);
		}
		return CallResult.ok(missedEvents(call.getId(), party, lastSeq)).with("state", call.getStatus().code());
	}

	/** The events of the call with a {@code seq} above {@code lastSeq}, in order, to the party's new connection. */
	private List<Delivery> missedEvents(String callId, Party party, long lastSeq) {
		Recipient device = new Recipient.Connection(party.projectId(), party.userId(), party.connectionId());
		return this.missed.since(callId, party, lastSeq).stream().map((event) -> new Delivery(device, event)).toList();
	}

	private static CallResult ended(Call call, List<Delivery> deliveries) {
		return new CallResult(CallOutcome.CALL_NOT_EXIST, CallOutcome.CALL_NOT_EXIST.message(),
				Map.of("state", call.getStatus().code(), "reason", call.getEndReason()), deliveries);
	}

	/** Whether the connection held a side of the call for this party's user in its project. */
	private static boolean heldBy(Call call, Party party, String connectionId) {
		if (!call.getProjectId().equals(party.projectId())) {
			return false;
		}
		Parties parties = call.parties();
		return (connectionId.equals(parties.callerConnectionId()) && party.userId().equals(parties.fromUserId()))
				|| (connectionId.equals(parties.answeredConnectionId()) && party.userId().equals(parties.toUserId()));
	}

	/** Whether the party is the app user the call rings for, in the call's project. */
	private static boolean isCallee(Call call, Party party) {
		return call.getProjectId().equals(party.projectId()) && party.userId().equals(call.parties().toUserId());
	}

	private static boolean isCallerSide(Call call, String connectionId) {
		return connectionId.equals(call.parties().callerConnectionId());
	}

	/** The party across from the side this connection holds. */
	private static Recipient otherSide(Call call, String connectionId) {
		return CallParties.otherLeg(call, isCallerSide(call, connectionId) ? Role.CALLER : Role.CALLEE);
	}

}
