package asia.oncaller.client;

import java.util.Map;

/**
 * Typed listener for a call's events ({@link CallEvent}); every method is a no-op by default, so
 * implement only what you need. Called on the client's event thread, in order.
 *
 * <pre>{@code
 * call.addListener(new OnCallerCallListener() {
 *     public void onMediaState(OnCallerCall call, MediaState state) { ... }
 * });
 * }</pre>
 */
public interface OnCallerCallListener {

	/** {@code addlocalstream}: the call's own media is ready. */
	default void onAddLocalStream(OnCallerCall call, LocalStream stream) {
	}

	/** {@code addremotestream}: the peer's audio or video track arrived. */
	default void onAddRemoteStream(OnCallerCall call, RemoteStream stream) {
	}

	/** {@code mediastate}: 1 connected, 2 disconnected. */
	default void onMediaState(OnCallerCall call, MediaState state) {
	}

	/** {@code otherdevice}: another device of this user answered, rejected or ended the call. */
	default void onOtherDevice(OnCallerCall call, OtherDevice event) {
	}

	/** {@code error}: an SDK error (see {@link OnCallerError}). */
	default void onError(OnCallerCall call, OnCallerException error) {
	}

	/** {@code signalingstate}: 1 calling, 2 ringing, 3 answered, 5 busy, 6 ended. */
	default void onSignalingState(OnCallerCall call, SignalingState state) {
	}

	/** {@code info}: the peer's {@code sendInfo} object. */
	default void onInfo(OnCallerCall call, Map<String, Object> info) {
	}

	/** {@code dtmf}: the peer's {@code sendDtmf} digits. */
	default void onDtmf(OnCallerCall call, String digits) {
	}

	/** {@code hold}: the peer put the call on hold ({@code true}) or took it off. */
	default void onHold(OnCallerCall call, boolean hold) {
	}

	/** {@code transferred}: the call was transferred to another user. */
	default void onTransferred(OnCallerCall call, String toUserId) {
	}

	/** {@code peerconnection}: the other side's connection dropped ({@code "lost"}) or came back ({@code "restored"}). */
	default void onPeerConnection(OnCallerCall call, String state) {
	}

}
