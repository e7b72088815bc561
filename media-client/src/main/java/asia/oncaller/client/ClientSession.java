package asia.oncaller.client;

import java.util.UUID;

import asia.oncaller.client.internal.signaling.Signaling;

/**
 * What a client shares with its connection and its calls: the event thread, the signaling, the
 * call registry, and who is signed in on which device. Calls and the connection depend on this
 * rather than on {@link ClientRuntime}, which depends on them; so nothing depends back up.
 * Written on the event thread, read by the public getters from any thread.
 */
final class ClientSession {

	final EventThread events;

	final Signaling signaling;

	final ClientCalls calls = new ClientCalls();

	/** Hangups and rejects pressed while reconnecting, sent once back. */
	final EndsWhenBack endsWhenBack = new EndsWhenBack();

	volatile String deviceId = "java-" + UUID.randomUUID();

	volatile MediaOptions mediaOptions = MediaOptions.defaults();

	volatile IceTransportPolicy iceTransportPolicy = IceTransportPolicy.ALL;

	private volatile String userId;

	private volatile boolean hasConnected;

	private volatile Authen authen;

	ClientSession(EventThread events, Signaling signaling) {
		this.events = events;
		this.signaling = signaling;
	}

	void authenticated(Authen authen) {
		this.authen = authen;
		this.userId = authen.userId();
		this.hasConnected = true;
	}

	void unauthenticated() {
		this.hasConnected = false;
	}

	String userId() {
		return this.userId;
	}

	boolean hasConnected() {
		return this.hasConnected;
	}

	Authen authen() {
		return this.authen;
	}

}
