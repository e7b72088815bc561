package asia.oncaller.e2e;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import asia.oncaller.client.CallEvent;
import asia.oncaller.client.ClientEvent;

/**
 * A call from one test user to another, who answers, watched for what a resume shows: the
 * caller's client reconnecting and reconnected, and the callee hearing the caller's connection
 * {@code lost} and {@code restored} (PROTOCOL §2.1).
 */
final class ResumableCall {

	/** {@code reconnecting} and {@code reconnected}, as the caller's client said them. */
	final List<String> callerConnection = new CopyOnWriteArrayList<>();

	/** The {@code peerconnection} states the callee heard. */
	final List<String> calleePeer = new CopyOnWriteArrayList<>();

	/** The callee's side, once its {@code incomingcall} came. */
	final AtomicReference<CallProbe> callee = new AtomicReference<>();

	final CallProbe caller;

	/** Places the call; the callee answers as soon as it rings. */
	ResumableCall(TestUser from, TestUser to) {
		from.client.on(ClientEvent.RECONNECTING, (reason) -> this.callerConnection.add("reconnecting"));
		from.client.on(ClientEvent.RECONNECTED, (v) -> this.callerConnection.add("reconnected"));
		to.onIncoming((incoming) -> {
			this.callee.set(new CallProbe(incoming));
			incoming.on(CallEvent.PEER_CONNECTION, this.calleePeer::add);
			incoming.answer((r) -> {
			});
		});
		this.caller = from.call(to, false);
	}

}
