package asia.oncaller.call;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import asia.oncaller.call.CallParties.Role;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Ends calls, whoever ends them: a hangup, a reject, a timeout, a lost connection. The
 * conditional update lets one ending win; only the winner tells the parties, so a call never
 * ends twice. The record (state, end time, reason, SIP code) is written by the same update,
 * before any event goes out.
 */
@Component
class CallTerminator {

	private final CallRepository calls;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	CallTerminator(CallRepository calls, Clock clock, ApplicationEventPublisher events) {
		this.calls = calls;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Ends the call if it is still in one of {@code from}.
	 * @param actor who ended it, or {@code null} when the server did (timeouts, lost connections)
	 * @return the events to send, or empty when the call had already moved on
	 */
	Optional<List<Delivery>> end(String callId, Collection<CallState> from, CallEnd end, Party actor) {
		Optional<Call> ended = this.calls.markEnded(callId, from, end.state(), this.clock.instant(), end.reason(),
				end.sipCode());
		if (ended.isEmpty()) {
			return Optional.empty();
		}
		Call call = ended.get();
		Role actorRole = (actor != null) ? CallParties.roleOf(call, actor) : Role.NONE;
		this.events.publishEvent(new CallLifecycleEvent("ended", call, CallRecords.endDetails(call, actorRole)));
		List<Delivery> deliveries = new ArrayList<>();
		deliveries.add(new Delivery(CallParties.caller(call), CallEvents.signalingState(call, end.state(), end.reason())));
		if (call.getToUserId() != null) {
			deliveries.addAll(toCallee(call, end, actor, actorRole));
		}
		return Optional.of(deliveries);
	}

	private List<Delivery> toCallee(Call call, CallEnd end, Party actor, Role actorRole) {
		List<Delivery> deliveries = new ArrayList<>();
		boolean answered = call.getAnsweredAt() != null;
		if (answered || actorRole != Role.CALLEE) {
			deliveries.add(new Delivery(CallParties.callee(call), CallEvents.signalingState(call, end.state(), end.reason())));
		}
		if (actorRole == Role.CALLEE) {
			Recipient others = CallParties.otherCalleeDevices(call, actor);
			deliveries.add(new Delivery(others,
					answered ? CallEvents.otherDeviceEnd(call) : CallEvents.otherDeviceState(call, end.sipCode())));
		}
		return deliveries;
	}

}
