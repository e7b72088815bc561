package asia.oncaller.call;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import asia.oncaller.control.ConnectAction;

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

	private final ActionsOutcome outcome;

	private final EventSender sender;

	private final TransactionTemplate transaction;

	private final IceServers ice;

	ServerAnsweredAppCalls(ActionsOutcome outcome, EventSender sender, TransactionTemplate transaction,
			IceServers ice) {
		this.outcome = outcome;
		this.sender = sender;
		// A transaction of its own: the runner is started, and may be refused and hang up at once,
		// after the answer's commit, where joining that finished transaction would commit nothing.
		this.transaction = new TransactionTemplate(transaction.getTransactionManager());
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.ice = ice;
	}

	/**
	 * The actions ended without a connect, or cannot go on: the call ends "Ended", charged once
	 * from the server's answer, and the caller hears {@code signalingState} 6.
	 */
	public void actionsEnded(String callId) {
		tell(() -> this.outcome.end(callId, CallEnd.NORMAL));
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
		tell(() -> this.outcome.connect(callId, connect, (moved) -> {
			String target = connect.to().number();
			Recipient devices = new Recipient.User(moved.getProjectId(), target);
			return List.of(new Delivery(devices, CallEvents.transferredCall(moved, target, this.ice.forUser(target))),
					new Delivery(devices, CallEvents.relay("sdp", moved, "sdp", Map.of("type", "offer", "sdp", offer.get()),
							moved.parties().callerDeviceId())));
		}));
	}

	private void tell(Supplier<List<Delivery>> change) {
		this.sender.send(this.transaction.execute((status) -> change.get()));
	}

}
