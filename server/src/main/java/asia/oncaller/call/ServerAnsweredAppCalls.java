package asia.oncaller.call;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import asia.oncaller.control.ConnectAction;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the actions the server runs for an app caller ({@link AppCallerActions}) do to the call:
 * end it when they end, or ring the app user of the {@code connect} they reach, on the same call
 * and record, as a phone call the server answered does ({@link PhoneCallService#connectAfterActions}).
 */
@Service
public class ServerAnsweredAppCalls {

	private final CallRepository calls;

	private final CallTerminator terminator;

	private final EventSender sender;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final IceServers ice;

	private final Presence presence;

	ServerAnsweredAppCalls(CallRepository calls, CallTerminator terminator, EventSender sender,
			ApplicationEventPublisher events, TransactionTemplate transaction, Clock clock, IceServers ice,
			Presence presence) {
		this.calls = calls;
		this.terminator = terminator;
		this.sender = sender;
		this.events = events;
		// A transaction of its own: the runner is started, and may be refused and hang up at once,
		// after the answer's commit, where joining that finished transaction would commit nothing.
		this.transaction = new TransactionTemplate(transaction.getTransactionManager());
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
		this.ice = ice;
		this.presence = presence;
	}

	/**
	 * The actions ended without a connect, or cannot go on: the call ends "Ended", charged once
	 * from the server's answer, and the caller hears {@code signalingState} 6.
	 */
	public void actionsEnded(String callId) {
		tell(() -> end(callId, CallEnd.NORMAL));
	}

	/**
	 * The actions reached their {@code connect}: the same call rings the connect's app user, whose
	 * devices hear {@code incomingCall} (the caller as {@code fromNumber}, {@code fromInternal}
	 * true, {@code transferredFrom} null) and then {@code offer}, the caller's media as rtpengine
	 * re-offers it; the event_url hears {@code transferred} without a {@code fromUserId}. The
	 * callee's answer completes the bridge at rtpengine; the caller, answered already, hears
	 * nothing of it but the callee's audio. Nobody answering by the connect's timeout ends the
	 * call "Transfer not answered", a reject "Transfer rejected". A connect to anything but an
	 * online app user ends the call ("Connect not to an app user", "Callee not online").
	 * @param offer rtpengine's offer of the caller's media for the callee, asked for only once
	 * the call rings them
	 */
	public void connectAfterActions(String callId, ConnectAction connect, Supplier<String> offer) {
		tell(() -> {
			Optional<Call> call = this.calls.findById(callId).filter((found) -> !found.getStatus().isFinal());
			if (call.isEmpty()) {
				return List.of();
			}
			if (!connect.to().isInternal()) {
				return end(callId, CallEnd.CONNECT_NOT_TO_APP);
			}
			String target = connect.to().number();
			if (!this.presence.isOnline(call.get().getProjectId(), target)) {
				return end(callId, CallEnd.NOT_ONLINE);
			}
			Instant now = this.clock.instant();
			return this.calls
				.markConnectedAfterActions(callId, connect, now,
						now.plusSeconds(connect.timeoutSeconds()))
				.map((moved) -> {
					this.events.publishEvent(new CallLifecycleEvent.Transferred(CallSnapshot.of(moved), null, target));
					Recipient devices = new Recipient.User(moved.getProjectId(), target);
					return List.of(
							new Delivery(devices, CallEvents.transferredCall(moved, target, this.ice.forUser(target))),
							new Delivery(devices, CallEvents.relay("sdp", moved, "sdp",
									Map.of("type", "offer", "sdp", offer.get()), moved.parties().callerDeviceId())));
				})
				.orElse(List.of());
		});
	}

	private List<Delivery> end(String callId, CallEnd end) {
		return this.terminator.end(callId, CallState.live(), end, null).orElse(List.of());
	}

	private void tell(Supplier<List<Delivery>> change) {
		this.sender.send(this.transaction.execute((status) -> change.get()));
	}

}
