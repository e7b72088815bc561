package asia.oncaller.call;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import asia.oncaller.control.ConnectAction;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What the end of the actions the server ran on a call does to it, for a phone caller
 * ({@link PhoneCallService}) and an app caller ({@link ServerAnsweredAppCalls}) alike: at their
 * {@code connect} the same call rings the connect's app user as a transfer target rings, until the
 * connect's timeout, and the event_url hears {@code transferred} without a {@code fromUserId}; a
 * connect to anything but an online app user, or no connect, ends the call. Runs in its caller's
 * transaction.
 */
@Component
class ActionsOutcome {

	private final CallRepository calls;

	private final CallTerminator terminator;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Presence presence;

	ActionsOutcome(CallRepository calls, CallTerminator terminator, ApplicationEventPublisher events, Clock clock,
			Presence presence) {
		this.calls = calls;
		this.terminator = terminator;
		this.events = events;
		this.clock = clock;
		this.presence = presence;
	}

	/**
	 * Moves a live call on to its connect's app user, or ends it ("Connect not to an app user",
	 * "Callee not online"); a call that ended meanwhile is left as it is.
	 * @param ringing what the callee's devices hear once the call rings them
	 */
	List<Delivery> connect(String callId, ConnectAction connect, Function<Call, List<Delivery>> ringing) {
		Call call = this.calls.findById(callId).filter((found) -> !found.getStatus().isFinal()).orElse(null);
		if (call == null) {
			return List.of();
		}
		if (!connect.to().isInternal()) {
			return end(callId, CallEnd.CONNECT_NOT_TO_APP);
		}
		String target = connect.to().number();
		if (!this.presence.isOnline(call.getProjectId(), target)) {
			return end(callId, CallEnd.NOT_ONLINE);
		}
		Instant now = this.clock.instant();
		return this.calls.markConnectedAfterActions(callId, connect, now, now.plusSeconds(connect.timeoutSeconds()))
			.map((moved) -> {
				this.events.publishEvent(new CallLifecycleEvent.Transferred(CallSnapshot.of(moved), null, target));
				return ringing.apply(moved);
			})
			.orElse(List.of());
	}

	/** Ends a live call the actions leave, charged from the server's answer. */
	List<Delivery> end(String callId, CallEnd end) {
		return this.terminator.end(callId, CallState.live(), end, null).orElse(List.of());
	}

}
