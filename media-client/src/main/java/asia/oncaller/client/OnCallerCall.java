package asia.oncaller.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import asia.oncaller.client.internal.media.MediaSpec;

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
 * <pre>{@code
 * OnCallerCall call = new OnCallerCall(client, "alice", "bob", false);
 * call.on(CallEvent.SIGNALING_STATE, s -> System.out.println(s.reason()));
 * call.makeCall(res -> System.out.println("makeCall: " + res.r() + " " + res.message()));
 * }</pre>
 */
public class OnCallerCall {

	private final OnCallerClient client;

	private final String fromNumber;

	private final String toNumber;

	private final boolean incoming;

	private final EventHandlers<OnCallerCallListener> handlers = new EventHandlers<>();

	private final CallControl control;

	volatile String callId;

	volatile String customDataFromYourServer;

	volatile String fromAlias;

	volatile String toAlias;

	volatile boolean fromInternal = true;

	volatile boolean answeredOnAnotherDevice;

	volatile boolean videoCall;

	volatile boolean answered;

	volatile boolean localVideoEnabled;

	volatile boolean muted;

	volatile boolean onHold;

	volatile CallState state;

	volatile List<IceServer> iceServers = List.of();

	private volatile VideoResolution videoResolution = VideoResolution.VGA;

	private volatile MediaOptions mediaOptions;

	private volatile String custom;

	/**
	 * Creates an outgoing call; nothing is sent until {@link #makeCall}.
	 * @param client the connected client that makes the call
	 * @param fromNumber the caller's alias (app-to-app) or one of the account's numbers
	 * @param toNumber the callee's user id (or phone number)
	 * @param isVideoCall true for a video call
	 */
	public OnCallerCall(OnCallerClient client, String fromNumber, String toNumber, boolean isVideoCall) {
		this.client = Objects.requireNonNull(client, "client");
		this.fromNumber = fromNumber;
		this.toNumber = toNumber;
		this.incoming = false;
		this.videoCall = isVideoCall;
		this.localVideoEnabled = isVideoCall;
		this.state = CallState.NEW;
		this.mediaOptions = client.getMediaOptions();
		this.control = new CallControl(this, client);
	}

	/** An incoming call, from the {@code incomingCall} message. */
	OnCallerCall(OnCallerClient client, IncomingCall message) {
		this.client = client;
		this.fromNumber = message.fromNumber();
		this.toNumber = message.toNumber();
		this.incoming = true;
		this.callId = message.callId();
		this.fromAlias = message.fromAlias();
		this.toAlias = message.toAlias();
		this.fromInternal = message.fromInternal();
		this.customDataFromYourServer = message.customDataFromYourServer();
		this.videoCall = message.isVideoCall();
		this.localVideoEnabled = message.isVideoCall();
		this.iceServers = message.iceServers();
		this.state = CallState.RINGING;
		this.mediaOptions = client.getMediaOptions();
		this.control = new CallControl(this, client);
	}

	// ---- verbs of the seed API

	/**
	 * Places the call. {@code r}: 0 ok · 1 answer url empty or failed · 2 SCCO incorrect format ·
	 * 3 to type not internal/external · 4 from number not found · 5 from number not of your
	 * account · 6 SIP trunk not found · 7 SIP trunk not of your account · 8 not enough money.
	 * @param callback receives the result; {@code data()} has {@code callId}, {@code toType}, ...
	 */
	public void makeCall(Consumer<CallResult> callback) {
		this.client.post(() -> this.control.makeCall(callback));
	}

	/**
	 * Answers an incoming call. {@code r}: 0 ok · 1 call not exist · 2 controlled from another
	 * device · 3 call data not exist (already ended).
	 * @param callback receives the result
	 */
	public void answer(Consumer<CallResult> callback) {
		this.client.post(() -> this.control.answer(callback));
	}

	/**
	 * Rejects an incoming call (the caller hears busy). {@code r}: 0 ok · 1 call not exist · 2
	 * answered on another device.
	 * @param callback receives the result
	 */
	public void reject(Consumer<CallResult> callback) {
		this.client.post(() -> this.control.endCall("call.reject", callback));
	}

	/**
	 * Tells the caller that this device rings ({@code signalingstate} 2 on the caller).
	 * @param callback receives the result
	 */
	public void ringing(Consumer<CallResult> callback) {
		this.client.post(() -> this.control.simple("call.ringing", Map.of(), callback,
				this.incoming && this.state == CallState.RINGING));
	}

	/**
	 * Ends the call and releases its media. {@code r}: 0 ok · 1 call not exist · 2 answered on
	 * another device.
	 * @param callback receives the result
	 */
	public void hangup(Consumer<CallResult> callback) {
		this.client.post(() -> this.control.endCall("call.hangup", callback));
	}

	/**
	 * Sends a JSON object to the other party (its {@code info} event).
	 * @param info any JSON object, e.g. {@code Map.of("infoA", "1", "test", true)}
	 * @param callback receives the result: 0 ok · 1 call not exist
	 */
	public void sendInfo(Map<String, Object> info, Consumer<CallResult> callback) {
		this.client.post(() -> {
			if (info == null) {
				CallControl.reply(callback, CallResult.of(OnCallerError.INVALID_ARGUMENT, "info is null"));
				return;
			}
			this.control.simple("call.info", Map.of("info", info), callback, this.state.isLive());
		});
	}

	/**
	 * Sends DTMF digits to the other party (its {@code dtmf} event).
	 * @param digits 1 to 32 of {@code 0-9 * # A-D}, e.g. {@code "1"}
	 * @param callback receives the result: 0 ok · 1 call not exist · 10 invalid digits
	 */
	public void sendDtmf(String digits, Consumer<CallResult> callback) {
		this.client.post(() -> {
			if (digits == null || digits.isEmpty()) {
				CallControl.reply(callback, CallResult.of(OnCallerError.INVALID_ARGUMENT, "no digits"));
				return;
			}
			this.control.simple("call.dtmf", Map.of("digits", digits), callback, this.state.isLive());
		});
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
		boolean possible = this.state == CallState.ANSWERED && !this.onHold;
		this.client.post(() -> this.control.hold(true, callback));
		return possible;
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
		boolean possible = this.state == CallState.ANSWERED && this.onHold;
		this.client.post(() -> this.control.hold(false, callback));
		return possible;
	}

	/**
	 * Transfers an app-to-phone or phone-to-app call to another user. {@code r}: 0 ok · 1 call not
	 * exist · 5 target not online · 4 not allowed (app-to-app calls).
	 * @param userId the user to transfer to
	 * @param callback receives the result
	 */
	public void sendTransfer(String userId, Consumer<CallResult> callback) {
		this.client.post(() -> {
			if (userId == null || userId.isBlank()) {
				CallControl.reply(callback, CallResult.of(OnCallerError.INVALID_ARGUMENT, "no userId"));
				return;
			}
			this.control.simple("call.transfer", Map.of("userId", userId), callback, this.state == CallState.ANSWERED);
		});
	}

	// ---- verbs beyond the seed (PROTOCOL §6)

	/**
	 * Mutes or unmutes the outgoing audio (silence is sent while muted; nothing is signaled).
	 * @param mute true to mute
	 */
	public void mute(boolean mute) {
		this.muted = mute;
		this.client.post(() -> this.control.mediaDo((m) -> m.mute(mute)));
	}

	/**
	 * Stops or restarts sending video (black frames while stopped; nothing is signaled).
	 * @param enabled true to send video
	 * @return whether the call has video at all
	 */
	public boolean enableLocalVideo(boolean enabled) {
		if (!this.videoCall) {
			return false;
		}
		this.localVideoEnabled = enabled;
		this.client.post(() -> this.control.mediaDo((m) -> m.enableVideo(enabled)));
		return true;
	}

	/**
	 * Adds video to an answered audio call and renegotiates; {@code addlocalstream} fires again,
	 * and the peer gets {@code addremotestream} for the video.
	 * @return false when the call is not an answered audio call
	 */
	public boolean upgradeToVideoCall() {
		boolean possible = this.state == CallState.ANSWERED && !this.videoCall;
		this.client.post(() -> this.control.upgradeToVideo());
		return possible;
	}

	/**
	 * @return the call's media statistics (bytes, packets lost, jitter, frames decoded), or
	 * {@link CallStats#EMPTY} when it has no media
	 */
	public CompletableFuture<CallStats> getStats() {
		return this.control.stats();
	}

	/**
	 * @param callback receives the call's media statistics, on a WebRTC thread
	 */
	public void getStats(Consumer<CallStats> callback) {
		getStats().thenAccept(callback);
	}

	// ---- events

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
		this.handlers.on(event, handler);
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
		this.handlers.on(event.name(), (Consumer<Object>) handler);
		return this;
	}

	/** Removes a handler registered with {@code on}. */
	public OnCallerCall off(String event, Consumer<?> handler) {
		this.handlers.off(event, handler);
		return this;
	}

	/** Adds a typed listener. */
	public OnCallerCall addListener(OnCallerCallListener listener) {
		this.handlers.addListener(listener);
		return this;
	}

	/** Removes a typed listener. */
	public OnCallerCall removeListener(OnCallerCallListener listener) {
		this.handlers.removeListener(listener);
		return this;
	}

	<T> void emit(CallEvent<T> event, T payload) {
		this.handlers.emit(event.name(), payload, (l) -> event.deliver(l, this, payload));
	}

	// ---- properties of the seed API

	/** @return the client that makes or answers the call */
	public OnCallerClient getClient() {
		return this.client;
	}

	/** @return the caller's alias or number */
	public String getFromNumber() {
		return this.fromNumber;
	}

	/** @return the callee's user id or number */
	public String getToNumber() {
		return this.toNumber;
	}

	/** @return the SCCO's {@code customData}, or {@code null} */
	public String getCustomDataFromYourServer() {
		return this.customDataFromYourServer;
	}

	/** @return the caller's alias (incoming calls), or {@code null} */
	public String getFromAlias() {
		return this.fromAlias;
	}

	/** @return the callee's alias (incoming calls), or {@code null} */
	public String getToAlias() {
		return this.toAlias;
	}

	/** @return true for a call that started in an app, false for one from a phone */
	public boolean isFromInternal() {
		return this.fromInternal;
	}

	/** @return whether another device of this user answered the call */
	public boolean isAnsweredOnAnotherDevice() {
		return this.answeredOnAnotherDevice;
	}

	/** @return whether the call has video */
	public boolean isVideoCall() {
		return this.videoCall;
	}

	/** @return whether the call came in to this client */
	public boolean isIncomingCall() {
		return this.incoming;
	}

	/** @return whether the call was answered */
	public boolean isAnswered() {
		return this.answered;
	}

	/** @return whether the call is over on this device (its media is then released) */
	public boolean isEnded() {
		return this.state == CallState.ENDED;
	}

	/** @return the call id, {@code null} before {@code makeCall}'s reply */
	public String getCallId() {
		return this.callId;
	}

	/** @return whether local video is being sent */
	public boolean isLocalVideoEnabled() {
		return this.localVideoEnabled;
	}

	/** @return the size of the video sent (default 640x480) */
	public VideoResolution getVideoResolution() {
		return this.videoResolution;
	}

	/**
	 * @param resolution {@link VideoResolution#VGA} or {@link VideoResolution#HD}; set before
	 * {@code makeCall} (or in the {@code incomingcall} handler)
	 */
	public void setVideoResolution(VideoResolution resolution) {
		this.videoResolution = Objects.requireNonNull(resolution, "resolution");
	}

	// ---- properties beyond the seed

	/** @return whether the outgoing audio is muted */
	public boolean isMuted() {
		return this.muted;
	}

	/** @return whether this side put the call on hold */
	public boolean isOnHold() {
		return this.onHold;
	}

	/** @return where the call stands */
	public CallState getState() {
		return this.state;
	}

	/** @return the custom string sent with {@code makeCall} */
	public String getCustom() {
		return this.custom;
	}

	/** @param custom any string (at most 16 KB) passed to the answer_url; set before {@code makeCall} */
	public void setCustom(String custom) {
		this.custom = custom;
	}

	/** @return the media sources of this call */
	public MediaOptions getMediaOptions() {
		return this.mediaOptions;
	}

	/**
	 * @param options the media sources; set before {@code makeCall}, or for an incoming call
	 * inside the {@code incomingcall} handler (media starts right after it)
	 */
	public void setMediaOptions(MediaOptions options) {
		this.mediaOptions = Objects.requireNonNull(options, "options");
	}

	MediaSpec mediaSpec() {
		MediaOptions options = this.mediaOptions;
		return new MediaSpec(options.audio(), this.videoCall ? options.video() : null, this.videoResolution,
				options.frameRate(), options.speaker());
	}

	CallControl control() {
		return this.control;
	}

	void mediaFailed(OnCallerException error) {
		emit(CallEvent.ERROR, error);
		this.control.endCall(this.incoming && !this.answered ? "call.reject" : "call.hangup", null);
	}

	@Override
	public String toString() {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("callId", this.callId);
		fields.put("from", this.fromNumber);
		fields.put("to", this.toNumber);
		fields.put("video", this.videoCall);
		fields.put("incoming", this.incoming);
		fields.put("state", this.state);
		return "OnCallerCall" + fields;
	}

}
