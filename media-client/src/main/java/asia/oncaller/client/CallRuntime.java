package asia.oncaller.client;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import asia.oncaller.client.internal.media.MediaSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inside of an {@link OnCallerCall}, on the client's event thread: what is known about the
 * call, its state (which only moves forward), its event handlers, its {@link CallMedia}, and
 * how it ends, releasing the media on every end. {@link CallVerbs} and the server's events
 * ({@link ServerEvents}) move it on. The public class reads and delegates; this class never
 * calls it, it only hands it to listeners as the events' source.
 */
final class CallRuntime implements CallMedia.Owner {

	private static final Logger log = LoggerFactory.getLogger(CallRuntime.class);

	final ClientSession session;

	final EventHandlers<OnCallerCall, OnCallerCallListener> handlers;

	final String fromNumber;

	final String toNumber;

	final boolean incoming;

	volatile String callId;

	volatile String customDataFromYourServer;

	volatile String fromAlias;

	volatile String toAlias;

	volatile boolean fromInternal = true;

	volatile boolean answeredOnAnotherDevice;

	/** The call carries video, either way: {@code isVideoCall()}. */
	volatile boolean videoCall;

	/** This device has video to send (a video call from the start, or its own upgrade). */
	volatile boolean localVideo;

	volatile boolean answered;

	volatile boolean localVideoEnabled;

	volatile boolean muted;

	volatile boolean onHold;

	volatile CallState state;

	volatile List<IceServer> iceServers = List.of();

	volatile VideoResolution videoResolution = VideoResolution.VGA;

	volatile MediaOptions mediaOptions;

	volatile String custom;

	private CallMedia media;

	private Consumer<CallResult> hangupWhenPlaced;

	private CompletableFuture<Void> released = CompletableFuture.completedFuture(null);

	/** The {@code seq} of this call's events seen here (a replay may repeat some). */
	private final SeenSeqs seqs = new SeenSeqs();

	/** An outgoing call; nothing is sent until {@code makeCall}. */
	CallRuntime(ClientSession session, OnCallerCall call, String fromNumber, String toNumber, boolean isVideoCall) {
		this.session = session;
		this.handlers = new EventHandlers<>(call);
		this.fromNumber = fromNumber;
		this.toNumber = toNumber;
		this.incoming = false;
		this.videoCall = isVideoCall;
		this.localVideo = isVideoCall;
		this.localVideoEnabled = isVideoCall;
		this.state = CallState.NEW;
		this.mediaOptions = session.mediaOptions;
	}

	/** An incoming call, from the {@code incomingCall} message. */
	CallRuntime(ClientSession session, OnCallerCall call, IncomingCall message) {
		this.session = session;
		this.handlers = new EventHandlers<>(call);
		this.fromNumber = message.fromNumber();
		this.toNumber = message.toNumber();
		this.incoming = true;
		this.callId = message.callId();
		this.fromAlias = message.fromAlias();
		this.toAlias = message.toAlias();
		this.fromInternal = message.fromInternal();
		this.customDataFromYourServer = message.customDataFromYourServer();
		this.videoCall = message.isVideoCall();
		this.localVideo = message.isVideoCall();
		this.localVideoEnabled = message.isVideoCall();
		this.iceServers = message.iceServers();
		this.state = CallState.RINGING;
		this.mediaOptions = session.mediaOptions;
	}

	// ---- for the media (CallMedia.Owner) and the verbs

	@Override
	public boolean isEnded() {
		return this.state == CallState.ENDED;
	}

	@Override
	public <T> void emit(CallEvent<T> event, T payload) {
		this.handlers.emit(event.name(), payload, (listener, call) -> event.deliver(listener, call, payload));
	}

	@Override
	public void tell(String verb, Map<String, Object> fields) {
		this.session.signaling.tell(verb, withCallId(fields));
	}

	@Override
	public void remoteVideo() {
		this.videoCall = true;
	}

	@Override
	public void mediaFailed(OnCallerException error) {
		emit(CallEvent.ERROR, error);
		endCall(this.incoming && !this.answered ? "call.reject" : "call.hangup", null);
	}

	MediaSpec mediaSpec() {
		MediaOptions options = this.mediaOptions;
		return new MediaSpec(options.audio(), this.localVideo ? options.video() : null, this.videoResolution,
				options.frameRate(), options.speaker());
	}

	/** Creates the call's media and starts preparing it (the audio module and factory take a while). */
	CallMedia startMedia(boolean polite) {
		this.media = new CallMedia(this.session.events, mediaSpec(), polite, this);
		this.media.prepare();
		return this.media;
	}

	/** Starts the media of an incoming call, right after the {@code incomingcall} handlers ran. */
	void startIncomingMedia() {
		if (this.state != CallState.RINGING || this.media != null) {
			return;
		}
		startMedia(true).connect(this.iceServers, this.session.iceTransportPolicy);
	}

	CallMedia media() {
		return this.media;
	}

	void mediaDo(Consumer<CallMedia> action) {
		if (this.media != null && !isEnded()) {
			action.accept(this.media);
		}
	}

	CompletableFuture<CallStats> stats() {
		CallMedia current = this.media;
		return (current != null && !isEnded()) ? current.stats() : CompletableFuture.completedFuture(CallStats.EMPTY);
	}

	/** {@code makeCall}'s reply: the call exists (or not); a hangup asked for meanwhile is sent now. */
	void placed(CallResult result, Consumer<CallResult> callback) {
		if (!result.isSuccess()) {
			finish();
			Replies.reply(callback, result);
			Replies.reply(this.hangupWhenPlaced, result); // hung up before the call existed
			return;
		}
		this.callId = (String) result.get("callId");
		this.customDataFromYourServer = (String) result.get("customDataFromYourServer");
		this.iceServers = IncomingCall.iceServers(result.get("iceServers"));
		this.session.calls.register(this);
		Replies.reply(callback, result);
		if (this.hangupWhenPlaced != null) {
			sendEnd("call.hangup", this.hangupWhenPlaced);
			return;
		}
		this.media.connect(this.iceServers, this.session.iceTransportPolicy);
		// The callee's later offers (its upgrade to video, its hold) are answered at once: a caller
		// has no answer of its own to wait for, unlike a ringing callee.
		this.media.answer();
		this.media.offer();
	}

	/** Sends a verb of this call, with its id; {@code then} gets the result. */
	void request(String verb, Map<String, Object> fields, Consumer<CallResult> then) {
		this.session.signaling.request(verb, withCallId(fields))
			.whenComplete((reply, ex) -> then.accept(Replies.result(reply, ex)));
	}

	private Map<String, Object> withCallId(Map<String, Object> fields) {
		Map<String, Object> body = new LinkedHashMap<>(fields);
		body.put("callId", this.callId);
		return body;
	}

	CallResult invalidState(String verb) {
		return CallResult.of(OnCallerError.INVALID_STATE,
				verb + " on a" + (this.incoming ? "n incoming" : "n outgoing") + " call that is " + this.state);
	}

	// ---- how it ends

	/** hangup or reject: ends the call on this device at once, then reports the server's reply. */
	void endCall(String verb, Consumer<CallResult> callback) {
		boolean allowed = "call.reject".equals(verb) ? this.incoming && this.state == CallState.RINGING
				: this.state.isLive();
		if (!allowed) {
			Replies.reply(callback, invalidState(verb.substring(5)));
			return;
		}
		if (this.callId == null) { // makeCall's reply has not come yet
			this.hangupWhenPlaced = (callback != null) ? callback : (r) -> {
			};
			release();
			return;
		}
		sendEnd(verb, callback);
	}

	private void sendEnd(String verb, Consumer<CallResult> callback) {
		release();
		request(verb, Map.of(), (result) -> {
			Replies.reply(callback, result);
			// A final signalingState may still come (it is passed on); stop listening after a while.
			this.session.events.schedule(() -> this.session.calls.unregister(this), Duration.ofSeconds(10));
		});
	}

	/** The connection to the server closed and the call was not resumed: the server ends it too. */
	void connectionLost(String reason) {
		endedHere(SignalingState.ENDED, reason);
	}

	private void endedHere(int code, String reason) {
		if (isEnded()) {
			this.session.calls.unregister(this);
			return;
		}
		finish();
		emit(CallEvent.SIGNALING_STATE, new SignalingState(code, reason, null, null));
	}

	/**
	 * @param seq an event's {@code seq} (absent on older servers)
	 * @return false when this call has seen it already (a replay after a resume); else records it
	 */
	boolean firstTime(Object seq) {
		return !(seq instanceof Number n) || this.seqs.firstTime(n.longValue());
	}

	/**
	 * Back on a new connection: {@code call.resume} with the last {@code seq} seen. r=0 keeps the
	 * call (the missed events follow) and restarts ICE if this machine's addresses changed (either
	 * side: the one that moved knows it), or, on the side that placed the call, if ICE is lost (one
	 * side, so that both do not re-offer at once); r=1 ends it with the server's final state;
	 * anything else (r=11, no answer) as {@code Connection lost}.
	 */
	void resume(Runnable done) {
		request("call.resume", Map.of("lastSeq", this.seqs.highest()), (result) -> {
			if (result.isSuccess()) {
				mediaDo((media) -> media.restartIceIfNeeded(!this.incoming));
			}
			else if (result.r() == 1) {
				endedHere((result.get("state") instanceof Number n) ? n.intValue() : SignalingState.ENDED,
						(result.get("reason") instanceof String r) ? r : result.message());
			}
			else {
				connectionLost(CallResumer.CONNECTION_LOST);
			}
			done.run();
		});
	}

	/**
	 * For {@link OnCallerClient#disconnect()}: hangs up when this device takes part in the call; a
	 * call still ringing here is only released, since another device may answer it.
	 * @return completes when the server replied and the media is released
	 */
	CompletableFuture<Void> endForDisconnect() {
		if (isEnded() || (this.incoming && this.state == CallState.RINGING)) {
			finish();
			return this.released;
		}
		CompletableFuture<Void> replied = new CompletableFuture<>();
		endCall("call.hangup", (r) -> replied.complete(null));
		return CompletableFuture.allOf(replied, this.released);
	}

	/** Ends the call on this device for good: state, media, registration. */
	void finish() {
		release();
		this.session.calls.unregister(this);
	}

	/** Ends the call on this device and releases its media; the call may stay registered. */
	private void release() {
		moveTo(CallState.ENDED);
		if (this.media != null) {
			this.released = this.media.close();
		}
	}

	void moveTo(CallState next) {
		CallState current = this.state;
		if (current.canMoveTo(next)) {
			this.state = next;
		}
		else if (current != next) {
			log.debug("{}: ignoring {} -> {}", this.callId, current, next);
		}
	}

}
