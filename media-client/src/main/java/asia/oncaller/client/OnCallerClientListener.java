package asia.oncaller.client;

/**
 * Typed listener for a client's events ({@link ClientEvent}); every method is a no-op by default.
 * Called on the client's event thread, in order.
 */
public interface OnCallerClientListener {

	/** {@code connect}: the STOMP connection is up (authentication follows). */
	default void onConnect(OnCallerClient client, String serverAddress) {
	}

	/** {@code authen}: the server accepted ({@code r=0}) or refused the token. */
	default void onAuthen(OnCallerClient client, Authen authen) {
	}

	/** {@code disconnect}: the connection closed (the client reconnects unless disconnect() was called). */
	default void onDisconnect(OnCallerClient client, String reason) {
	}

	/** {@code incomingcall}: a call for this user rings on this device. */
	default void onIncomingCall(OnCallerClient client, OnCallerCall call) {
	}

	/** {@code requestnewtoken}: the token expired (authen r=6); give a new one. */
	default void onRequestNewToken(OnCallerClient client, Authen authen) {
	}

	/** {@code otherdeviceauthen}: another device of this user came or went. */
	default void onOtherDeviceAuthen(OnCallerClient client, OtherDeviceAuthen event) {
	}

	/** {@code custommessage}: another user's {@code sendCustomMessage}. */
	default void onCustomMessage(OnCallerClient client, CustomMessage message) {
	}

	/** {@code reconnecting}: the connection dropped; the client reconnects and live calls wait for it. */
	default void onReconnecting(OnCallerClient client, String reason) {
	}

	/** {@code reconnected}: signed in again after a drop; every waiting call has resumed or ended. */
	default void onReconnected(OnCallerClient client) {
	}

}
