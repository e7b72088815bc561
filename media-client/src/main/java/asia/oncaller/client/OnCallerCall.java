package asia.oncaller.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A voice or video call, outgoing ({@link #OnCallerCall(OnCallerClient, String, String, boolean)}
 * then {@link #makeCall}) or incoming (the client's {@code incomingcall} event). Every verb is
 * asynchronous: it returns at once and reports through its callback, with {@code r=0} on success.
 * A verb called in a state where it makes no sense sends nothing and calls back with
 * {@link OnCallerError#INVALID_STATE} (1005). Events arrive on the client's event thread.
 *
 * <p>
 * Media is released by every end of the call (hangup on either side, reject, busy, timeout,
 * another device answering, a lost connection, {@link OnCallerClient#disconnect()}), so forgetting
 * {@link #hangup} never leaks native resources.
 *
 * <p>
 * This class and its properties ({@code CallProperties}) only delegate: the call's state and
 * verbs live in its package-private runtime ({@code CallRuntime}, {@code CallVerbs}), which
 * never calls back here.
 *
 * <pre>{@code
 * OnCallerCall call = new OnCallerCall(client, "alice", "bob", false);
 * call.on(CallEvent.SIGNALING_STATE, s -> System.out.println(s.reason()));
 * call.makeCall(res -> System.out.println("makeCall: " + res.r() + " " + res.message()));
 * }</pre>
 */
public class OnCallerCall extends CallProperties {

	private final OnCallerClient client;

	final CallRuntime runtime;

	private final CallVerbs verbs;

	/**
	 * Creates an outgoing call; nothing is sent until {@link #makeCall}.
	 * @param client the connected client that makes the call
	 * @param fromNumber the caller's alias (app-to-app) or one of the account's numbers
	 * @param toNumber the callee's user id (or phone number)
	 * @param isVideoCall true for a video call
	 */
	public OnCallerCall(OnCallerClient client, String fromNumber, String toNumber, boolean isVideoCall) {
		this.client = Objects.requireNonNull(client, "client");
		this.runtime = new CallRuntime(client.session, this, fromNumber, toNumber, isVideoCall);
		this.verbs = new CallVerbs(this.runtime);
	}

	/** An incoming call, from the {@code incomingCall} message. */
	OnCallerCall(OnCallerClient client, IncomingCall message) {
		this.client = client;
		this.runtime = new CallRuntime(client.session, this, message);
		this.verbs = new CallVerbs(this.runtime);
	}

	/**
	 * Places the call. {@code r}: 0 ok · 1 answer url empty or failed · 2 SCCO incorrect format ·
	 * 3 to type not internal/external · 4 from number not found · 5 from number not of your
	 * account · 6 SIP trunk not found · 7 SIP trunk not of your account · 8 not enough money.
	 * @param callback receives the result; {@code data()} has {@code callId}, {@code toType}, ...
	 */
	public void makeCall(Consumer<CallResult> callback) {
		this.verbs.makeCall(callback);
	}

	/**
	 * Answers an incoming call. {@code r}: 0 ok · 1 call not exist · 2 controlled from another
	 * device · 3 call data not exist (already ended).
	 * @param callback receives the result
	 */
	public void answer(Consumer<CallResult> callback) {
		this.verbs.answer(callback);
	}

	/**
	 * Rejects an incoming call (the caller hears busy). {@code r}: 0 ok · 1 call not exist · 2
	 * answered on another device.
	 * @param callback receives the result
	 */
	public void reject(Consumer<CallResult> callback) {
		this.verbs.end("call.reject", callback);
	}

	/**
	 * Tells the caller that this device rings ({@code signalingstate} 2 on the caller).
	 * @param callback receives the result
	 */
	public void ringing(Consumer<CallResult> callback) {
		this.verbs.ringing(callback);
	}

	/**
	 * Ends the call and releases its media. {@code r}: 0 ok · 1 call not exist · 2 answered on
	 * another device.
	 * @param callback receives the result
	 */
	public void hangup(Consumer<CallResult> callback) {
		this.verbs.end("call.hangup", callback);
	}

	/**
	 * Sends a JSON object to the other party (its {@code info} event).
	 * @param info any JSON object, e.g. {@code Map.of("infoA", "1", "test", true)}
	 * @param callback receives the result: 0 ok · 1 call not exist
	 */
	public void sendInfo(Map<String, Object> info, Consumer<CallResult> callback) {
		this.verbs.sendInfo(info, callback);
	}

	/**
	 * Sends DTMF digits to the other party (its {@code dtmf} event).
	 * @param digits 1 to 32 of {@code 0-9 * # A-D}, e.g. {@code "1"}
	 * @param callback receives the result: 0 ok · 1 call not exist · 10 invalid digits
	 */
	public void sendDtmf(String digits, Consumer<CallResult> callback) {
		this.verbs.sendDtmf(digits, callback);
	}

	/**
	 * Puts the call on hold: re-offers with this side {@code sendonly}, so the peer stops sending
	 * and this side sends silence (and black video); the peer gets a {@code hold} event.
	 * @return false when the call is not answered or already on hold (nothing is done)
	 */
	public boolean hold() {
		return hold(null);
	}

	/**
	 * {@link #hold()} with the server's result.
	 * @param callback receives the result of {@code call.hold}
	 * @return false when the call is not answered or already on hold
	 */
	public boolean hold(Consumer<CallResult> callback) {
		return this.verbs.hold(true, callback);
	}

	/**
	 * Takes the call off hold: re-offers {@code sendrecv}; the peer gets a {@code hold} event.
	 * @return false when the call is not on hold
	 */
	public boolean unhold() {
		return unhold(null);
	}

	/**
	 * {@link #unhold()} with the server's result.
	 * @param callback receives the result of {@code call.hold}
	 * @return false when the call is not on hold
	 */
	public boolean unhold(Consumer<CallResult> callback) {
		return this.verbs.hold(false, callback);
	}

	/**
	 * Transfers an app-to-phone or phone-to-app call to another user. {@code r}: 0 ok · 1 call not
	 * exist · 5 target not online · 4 not allowed (app-to-app calls).
	 * @param userId the user to transfer to
	 * @param callback receives the result
	 */
	public void sendTransfer(String userId, Consumer<CallResult> callback) {
		this.verbs.sendTransfer(userId, callback);
	}

	/**
	 * Mutes or unmutes the outgoing audio (silence is sent while muted; nothing is signaled).
	 * @param mute true to mute
	 */
	public void mute(boolean mute) {
		this.verbs.mute(mute);
	}

	/**
	 * Stops or restarts sending video (black frames while stopped; nothing is signaled).
	 * @param enabled true to send video
	 * @return whether this device has video to send (false in an audio call, and in a call that
	 * only the peer upgraded)
	 */
	public boolean enableLocalVideo(boolean enabled) {
		return this.verbs.enableLocalVideo(enabled);
	}

	/**
	 * Adds video to an answered audio call and renegotiates; {@code addlocalstream} fires again,
	 * and the peer gets {@code addremotestream} for the video (and its {@code isVideoCall()} turns
	 * true). Also adds this device's video to a call that only the peer upgraded.
	 * @return false when the call is not answered, or this device already sends video
	 */
	public boolean upgradeToVideoCall() {
		return this.verbs.upgradeToVideoCall();
	}

	/**
	 * @return the call's media statistics (bytes, packets lost, jitter, frames decoded), or
	 * {@link CallStats#EMPTY} when it has no media
	 */
	public CompletableFuture<CallStats> getStats() {
		return this.runtime.stats();
	}

	/**
	 * @param callback receives the call's media statistics, on a WebRTC thread
	 */
	public void getStats(Consumer<CallStats> callback) {
		getStats().thenAccept(callback);
	}

	/**
	 * Registers a handler by event name (see {@link CallEvent} for the list and payloads).
	 * @param event e.g. {@code "mediastate"}
	 * @param handler receives the payload
	 * @return this call
	 * @throws IllegalArgumentException for an unknown name
	 */
	public OnCallerCall on(String event, Consumer<Object> handler) {
		if (CallEvent.named(event) == null) {
			throw new IllegalArgumentException("Unknown call event '" + event + "'; see CallEvent.ALL");
		}
		this.runtime.handlers.on(event, handler);
		return this;
	}

	/**
	 * Registers a typed handler.
	 * @param event e.g. {@link CallEvent#MEDIA_STATE}
	 * @param handler receives the payload
	 * @return this call
	 */
	@SuppressWarnings("unchecked")
	public <T> OnCallerCall on(CallEvent<T> event, Consumer<? super T> handler) {
		this.runtime.handlers.on(event.name(), (Consumer<Object>) handler);
		return this;
	}

	/** Removes a handler registered with {@code on}. */
	public OnCallerCall off(String event, Consumer<?> handler) {
		this.runtime.handlers.off(event, handler);
		return this;
	}

	/** Adds a typed listener. */
	public OnCallerCall addListener(OnCallerCallListener listener) {
		this.runtime.handlers.addListener(listener);
		return this;
	}

	/** Removes a typed listener. */
	public OnCallerCall removeListener(OnCallerCallListener listener) {
		this.runtime.handlers.removeListener(listener);
		return this;
	}

	/** @return the client that makes or answers the call */
	public OnCallerClient getClient() {
		return this.client;
	}

	@Override
	CallRuntime runtime() {
		return this.runtime;
	}

	@Override
	public String toString() {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("callId", this.runtime.callId);
		fields.put("from", this.runtime.fromNumber);
		fields.put("to", this.runtime.toNumber);
		fields.put("video", this.runtime.videoCall);
		fields.put("incoming", this.runtime.incoming);
		fields.put("state", this.runtime.state);
		return "OnCallerCall" + fields;
	}

}
