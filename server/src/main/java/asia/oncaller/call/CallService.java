package asia.oncaller.call;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import asia.oncaller.billing.Grant;
import asia.oncaller.call.CallParties.Role;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The verbs a device uses on a call it takes part in: ringing, answer, reject, hangup. STOMP and
 * REST adapters both call these methods, which decide every result code; the database settles
 * races through conditional updates (see {@link CallRepository}). The usual answer and hangup
 * (of a call nobody prices) are one such update that also checks who may do it; only when it
 * matches nothing is the call read, to tell why or to take the longer path.
 */
@Service
public class CallService {

	private final CallRepository calls;

	private final CallTerminator terminator;

	private final CallCharging charging;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final CallFailover failover;

	private final CallConnections connections;

	CallService(CallRepository calls, CallTerminator terminator, CallCharging charging, Clock clock,
			ApplicationEventPublisher events, CallFailover failover, CallConnections connections) {
		this.calls = calls;
		this.terminator = terminator;
		this.charging = charging;
		this.clock = clock;
		this.events = events;
		this.failover = failover;
		this.connections = connections;
	}

	/** The callee's device rings: the caller hears {@code signalingState} 2 once. */
	@Transactional
	public CallResult ringing(Party party, String callId) {
		Optional<Call> found = this.calls.findById(callId);
		if (found.isEmpty() || found.get().getStatus().isFinal()) {
			return CallResult.of(CallOutcome.CALL_NOT_EXIST);
		}
		Call call = found.get();
		if (CallParties.isTransferTarget(call, party)) {
			return CallResult.ok(List.of());
		}
		Role role = CallParties.roleOf(call, party);
		if (role != Role.CALLEE) {
			return CallResult.of(CallOutcome.NOT_ALLOWED);
		}
		if (call.getStatus() == CallState.ANSWERED) {
			return CallParties.isAnsweringDevice(call, party) ? CallResult.ok(List.of())
					: CallResult.of(CallOutcome.ANSWERED_ON_ANOTHER_DEVICE);
		}
		return this.calls.markRinging(callId, this.clock.instant()).map((ringing) -> {
			this.events.publishEvent(new CallLifecycleEvent.Ringing(CallSnapshot.of(ringing)));
			return CallResult.ok(List.of(new Delivery(CallParties.caller(ringing),
					CallEvents.signalingState(ringing, CallState.RINGING, "Ringing"))));
		}).orElseGet(() -> CallResult.ok(List.of()));
	}

	/**
	 * The callee answers on one device. Of several devices answering at once exactly one wins;
	 * the others get {@code r=2}, and every other device of the callee hears
	 * {@code otherDevice 200}. The call is granted its answered time: the SCCO's maxConnectTime,
	 * and for a priced call only as far as the available balance pays (docs/billing.md).
	 */
	@Transactional
	public CallResult answer(Party party, String callId) {
		// Before any statement may write the connection into the call's row (see CallConnections).
		this.connections.takingPart(party.connectionId());
		Optional<Call> answeredAtOnce = this.calls.answerUnpriced(callId, party, this.clock.instant());
		if (answeredAtOnce.isPresent()) {
			return answered(answeredAtOnce.get(), party);
		}
		Optional<Call> found = this.calls.findById(callId);
		if (found.isEmpty()) {
			return CallResult.of(CallOutcome.CALL_NOT_EXIST);
		}
		Call call = found.get();
		if (CallParties.isTransferTarget(call, party)) {
			return answerTransfer(party, call);
		}
		if (CallParties.roleOf(call, party) != Role.CALLEE) {
			return CallResult.of(CallOutcome.NOT_ALLOWED);
		}
		Grant grant = this.charging.firstGrant(call);
		Instant now = this.clock.instant();
		Optional<Call> won = this.calls.markAnswered(callId, now, party.deviceId(), party.connectionId(), grant);
		if (won.isEmpty()) {
			Call current = this.calls.findById(callId).orElseThrow();
			if (current.getStatus() != CallState.ANSWERED) {
				return CallResult.of(CallOutcome.CALL_DATA_NOT_EXIST);
			}
			return (party.hasConnection() && party.connectionId().equals(current.parties().answeredConnectionId()))
					? CallResult.ok(List.of()) : CallResult.of(CallOutcome.CONTROLLED_FROM_OTHER_DEVICE);
		}
		return answered(won.get(), party);
	}

	/** The events of the answer that won: both legs hear it, the callee's other devices stop ringing. */
	private CallResult answered(Call answered, Party party) {
		this.events.publishEvent(new CallLifecycleEvent.Answered(CallSnapshot.of(answered)));
		return CallResult.ok(List.of(
				new Delivery(CallParties.caller(answered),
						CallEvents.signalingState(answered, CallState.ANSWERED, "Answered")),
				new Delivery(CallParties.callee(answered),
						CallEvents.signalingState(answered, CallState.ANSWERED, "Answered")),
				new Delivery(CallParties.otherCalleeDevices(answered, party),
						CallEvents.otherDeviceState(answered, 200))));
	}

	/**
	 * The user a phone call was transferred to answers on one device, which becomes the call's
	 * app leg; their other devices hear {@code otherDevice 200}. The answered time runs on from the
	 * first answer, as the phone party never left.
	 */
	private CallResult answerTransfer(Party party, Call call) {
		return this.calls.markTransferAnswered(call.getId(), party.deviceId(), party.connectionId(), this.clock.instant())
			.map((answered) -> CallResult.ok(List.of(
					new Delivery(Recipient.connectionOrUser(answered.getProjectId(), party.userId(), party.connectionId()),
							CallEvents.signalingState(answered, CallState.ANSWERED, "Answered")),
					new Delivery(new Recipient.UserExcept(answered.getProjectId(), party.userId(),
							String.valueOf(party.connectionId())), CallEvents.otherDeviceState(answered, 200)))))
			.orElseGet(() -> CallResult.of(CallOutcome.CONTROLLED_FROM_OTHER_DEVICE));
	}

	/**
	 * The callee declines: the call ends at once as Busy (5) for the caller, whichever of the
	 * callee's devices rejected it, and the callee's other devices hear {@code otherDevice 486}.
	 * With continueOnFail the call fails over instead, after this reply (see {@link CallFailover}).
	 * A caller's reject, or the answering device's, is a hangup.
	 */
	@Transactional
	public CallResult reject(Party party, String callId) {
		return endByParty(party, callId);
	}

	/**
	 * Either side hangs up: the call ends for both and for every device still ringing. A callee
	 * device that hangs up before answering rejects the call.
	 */
	@Transactional
	public CallResult hangup(Party party, String callId) {
		return endByParty(party, callId);
	}

	/**
	 * The server's operator ends a call in progress of the account: every party hears it end as
	 * when the server ends a call, and the record says {@code Ended by operator}. Another
	 * account's call is as absent as a call that has ended.
	 */
	@Transactional
	public CallResult endByOperator(String accountId, String callId) {
		Optional<Call> found = this.calls.findById(callId);
		if (found.isEmpty() || !found.get().getAccountId().equals(accountId) || found.get().getStatus().isFinal()) {
			return CallResult.of(CallOutcome.CALL_NOT_EXIST);
		}
		return ended(this.terminator.end(callId, CallState.live(), CallEnd.BY_OPERATOR, null), callId);
	}

	private CallResult endByParty(Party party, String callId) {
		Optional<List<Delivery>> endedAtOnce = this.terminator.hangUpUnpriced(callId, party);
		if (endedAtOnce.isPresent()) {
			return CallResult.ok(endedAtOnce.get());
		}
		Optional<Call> found = this.calls.findById(callId);
		if (found.isEmpty() || found.get().getStatus().isFinal()) {
			return CallResult.of(CallOutcome.CALL_NOT_EXIST);
		}
		Call call = found.get();
		if (CallParties.isTransferTarget(call, party)) {
			return ended(this.terminator.end(callId, EnumSet.of(CallState.ANSWERED), CallEnd.TRANSFER_REJECTED, party),
					callId);
		}
		Role role = CallParties.roleOf(call, party);
		if (role == Role.NONE) {
			return CallResult.of(CallOutcome.NOT_ALLOWED);
		}
		if (role == Role.CALLER) {
			CallEnd end = (call.getStatus() == CallState.ANSWERED) ? CallEnd.NORMAL : CallEnd.CANCELED;
			return ended(this.terminator.end(callId, CallState.live(), end, party), callId);
		}
		if (call.getStatus() == CallState.ANSWERED) {
			return CallParties.isAnsweringDevice(call, party)
					? ended(this.terminator.end(callId, EnumSet.of(CallState.ANSWERED), CallEnd.NORMAL, party), callId)
					: CallResult.of(CallOutcome.ANSWERED_ON_ANOTHER_DEVICE);
		}
		if (call.failover().failReason() != null) {
			// The callee already failed and the call is failing over: it is no longer theirs.
			return CallResult.of(CallOutcome.CALL_NOT_EXIST);
		}
		Optional<List<Delivery>> failingOver = this.failover.rejected(callId, party);
		return failingOver.isPresent() ? CallResult.ok(failingOver.get())
				: ended(this.terminator.endRejected(callId, party), callId);
	}

	/** The outcome of an ending that may have lost a race: to an answer elsewhere, or to another ending. */
	private CallResult ended(Optional<List<Delivery>> deliveries, String callId) {
		if (deliveries.isPresent()) {
			return CallResult.ok(deliveries.get());
		}
		Call current = this.calls.findById(callId).orElseThrow();
		return (current.getStatus() == CallState.ANSWERED) ? CallResult.of(CallOutcome.ANSWERED_ON_ANOTHER_DEVICE)
				: CallResult.of(CallOutcome.CALL_NOT_EXIST);
	}

}
