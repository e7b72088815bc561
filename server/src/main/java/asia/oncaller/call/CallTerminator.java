package asia.oncaller.call;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import asia.oncaller.billing.Charge;
import asia.oncaller.call.CallParties.Role;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Ends calls, whoever ends them: a hangup, a reject, a timeout, a grant run out, a lost
 * connection or node. The conditional update lets one ending win; only the winner charges the
 * call and tells the parties, so a call never ends, or is charged, twice. The record (state, end
 * time, reason, SIP code, billed time, cost) is written by that one update, and the ledger row in
 * the caller's transaction, before any event goes out, so the {@code ended} event carries the cost.
 */
@Component
class CallTerminator {

	private final CallRepository calls;

	private final CallCharging charging;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	CallTerminator(CallRepository calls, CallCharging charging, Clock clock, ApplicationEventPublisher events) {
		this.calls = calls;
		this.charging = charging;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Ends the call if it is still in one of {@code from}.
	 * @param actor who ended it, or {@code null} when the server did (timeouts, lost connections)
	 * @return the events to send, or empty when the call had already moved on
	 */
	Optional<List<Delivery>> end(String callId, Collection<CallState> from, CallEnd end, Party actor) {
		Instant now = now();
		Charge charge = this.charging.lockAccountOf(callId, now);
		return this.calls.markEnded(callId, from, end.state(), now, end.reason(), end.sipCode(), charge)
			.map((call) -> ended(call, end, actor, (actor != null) ? CallParties.roleOf(call, actor) : endedBy(end)));
	}

	/**
	 * Ends a call nobody prices that {@code actor} may end outright, in one statement (see
	 * {@link CallTransitions#hangUpUnpriced}): its caller, or the callee's answering device.
	 * @return the events to send, or empty when that statement matched nothing: the call moved
	 * on, or it needs the longer path ({@link #end}, a reject, a transfer, a priced call)
	 */
	Optional<List<Delivery>> hangUpUnpriced(String callId, Party actor) {
		return this.calls.hangUpUnpriced(callId, actor, now()).map((call) -> ended(call,
				CallEnd.NORMAL.reason().equals(call.getEndReason()) ? CallEnd.NORMAL : CallEnd.CANCELED, actor,
				CallParties.roleOf(call, actor)));
	}

	/**
	 * Ends the call if it is still in one of {@code from}, because its phone party hung up, gave
	 * up, or could not be reached; the record says the phone's side ended it.
	 */
	Optional<List<Delivery>> endByPhone(String callId, Collection<CallState> from, CallEnd end) {
		Instant now = now();
		Charge charge = this.charging.lockAccountOf(callId, now);
		return this.calls.markEnded(callId, from, end.state(), now, end.reason(), end.sipCode(), charge)
			.map((call) -> ended(call, end, null, CallParties.phoneSide(call)));
	}

	/**
	 * Ends an unanswered call as Busy because a device of its callee rejected it; not once the
	 * call fails over (another device of the callee rejected it first).
	 * @return the events to send, or empty when the call had already moved on
	 */
	Optional<List<Delivery>> endRejected(String callId, Party actor) {
		Instant now = now();
		Charge charge = this.charging.lockAccountOf(callId, now);
		return this.calls.markRejected(callId, now, CallEnd.BUSY.reason(), CallEnd.BUSY.sipCode(), charge)
			.map((call) -> ended(call, CallEnd.BUSY, actor, CallParties.roleOf(call, actor)));
	}

	/**
	 * Ends an answered call whose granted time has run out: at its maxConnectTime, or because its
	 * balance paid for no more ("Not enough money", 402). Not if its grant grew meanwhile.
	 */
	Optional<List<Delivery>> endExpired(Call expired) {
		CallEnd end = CallEnd.grantRunOut(expired);
		Instant now = now();
		Charge charge = this.charging.lockAccountOf(expired.getId(), now);
		return this.calls
			.markExpired(expired.getId(), expired.money().grantedSeconds(), now, end.state(), end.reason(),
					end.sipCode(), charge)
			.map((call) -> ended(call, end, null, Role.NONE));
	}

	/**
	 * Ends an answered call that no node has seen alive since {@code staleBefore}: it ends, and is
	 * charged, at the last moment it was known alive.
	 */
	Optional<List<Delivery>> endLost(String callId, Instant staleBefore) {
		// The row decides the end time, so the charge follows the ending (CallCharging#charge).
		this.charging.lockAccountOf(callId, now());
		return this.calls.markLost(callId, staleBefore, CallEnd.CONNECTION_LOST.reason())
			.map((call) -> ended(call, CallEnd.CONNECTION_LOST, null, Role.NONE));
	}

	/**
	 * Ends a live call whose dropped device did not come back within the resume window
	 * (PROTOCOL §2.1), charged to the moment the window ran out; not if it came back meanwhile.
	 */
	Optional<List<Delivery>> endAway(String callId) {
		Instant now = now();
		// The row decides the end time (its deadline), so the charge follows the ending (CallCharging#charge).
		Charge charge = this.charging.lockAccountOf(callId, now);
		return this.calls.markAwayEnded(callId, now, CallEnd.CONNECTION_LOST.reason(), charge)
			.map((call) -> ended(call, CallEnd.CONNECTION_LOST, null, Role.NONE));
	}

	/**
	 * The time an ending writes, to the microsecond PostgreSQL keeps: the charge foreseen from it
	 * is then the charge of the row it writes.
	 */
	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private List<Delivery> ended(Call ended, CallEnd end, Party actor, Role actorRole) {
		Call call = this.charging.charge(ended);
		this.events.publishEvent(CallLifecycleEvent.Ended.of(call, actorRole));
		List<Delivery> deliveries = new ArrayList<>();
		deliveries.add(new Delivery(CallParties.caller(call), CallEvents.signalingState(call, end.state(), end.reason())));
		// A callee that failed was released when it failed; the call then failed over and ends now.
		if (call.parties().toUserId() != null && call.failover().failReason() == null) {
			deliveries.addAll(toCallee(call, end, actor, actorRole));
		}
		return deliveries;
	}

	/** Who ended a call the server ends: the callee when they had rejected it and no failover took it on. */
	private static Role endedBy(CallEnd end) {
		return (end.state() == CallState.BUSY) ? Role.CALLEE : Role.NONE;
	}

	private List<Delivery> toCallee(Call call, CallEnd end, Party actor, Role actorRole) {
		List<Delivery> deliveries = new ArrayList<>();
		boolean answered = call.timing().answeredAt() != null;
		if (answered || actorRole != Role.CALLEE) {
			deliveries.add(new Delivery(CallParties.callee(call), CallEvents.signalingState(call, end.state(), end.reason())));
		}
		if (actor != null && actorRole == Role.CALLEE) {
			Recipient others = CallParties.otherCalleeDevices(call, actor);
			deliveries.add(new Delivery(others,
					answered ? CallEvents.otherDeviceEnd(call) : CallEvents.otherDeviceState(call, end.sipCode())));
		}
		return deliveries;
	}

}
