package asia.oncaller.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import asia.oncaller.client.internal.media.LocalInfo;
import asia.oncaller.client.internal.media.MediaListener;
import asia.oncaller.client.internal.media.MediaSession;
import asia.oncaller.client.internal.media.MediaSpec;
import asia.oncaller.client.internal.media.TrackSinks;

/**
 * Binds a call to its {@link MediaSession}: starts and steers it, and turns what the session
 * reports (on WebRTC threads) into signaling messages and call events on the client's event
 * thread. Once the call has ended nothing from the session reaches the application. It knows
 * its call only as an {@link Owner}, so the call's runtime depends on it and not the reverse.
 */
final class CallMedia implements MediaListener {

	/** What the media needs of its call. */
	interface Owner {

		/** @return whether the call is over on this device */
		boolean isEnded();

		/** Fires a call event. */
		<T> void emit(CallEvent<T> event, T payload);

		/**
		 * The peer's video arrived (a video call, or the peer upgraded an audio call): the call
		 * has video now, though this device sends none until it upgrades too.
		 */
		void remoteVideo();

		/** Sends a message of this call that has no reply on success. */
		void tell(String verb, Map<String, Object> fields);

		/** The local media could not be created at all: the call cannot go on. */
		void mediaFailed(OnCallerException error);

	}

	private final EventThread events;

	private final Owner call;

	private final MediaSession session;

	private int mediaState;

	CallMedia(EventThread events, MediaSpec spec, boolean polite, Owner call) {
		this.events = events;
		this.call = call;
		this.session = new MediaSession(polite, spec, this);
	}

	/** Creates the local media; {@code addlocalstream} (and any fallback errors) follow. */
	void prepare() {
		this.session.prepare().whenComplete((info, ex) -> whileLive(() -> {
			if (ex != null) {
				this.call.mediaFailed((ex instanceof OnCallerException oe) ? oe
						: new OnCallerException(OnCallerError.CREATE_PEER_CONNECTION_ERROR, ex.toString(), ex));
				return;
			}
			localStream(info);
		}));
	}

	void connect(List<IceServer> iceServers, IceTransportPolicy policy) {
		this.session.connect(iceServers, policy == IceTransportPolicy.RELAY);
	}

	void offer() {
		this.session.offer();
	}

	void answer() {
		this.session.answer();
	}

	void remoteDescription(Map<String, Object> sdp, String deviceId) {
		Object type = sdp.get("type");
		Object text = sdp.get("sdp");
		if (type instanceof String t && text instanceof String s) {
			this.session.remoteDescription(t, s, deviceId);
		}
	}

	void remoteCandidate(Map<String, Object> candidate, String deviceId) {
		Object text = candidate.get("candidate");
		Object mid = candidate.get("sdpMid");
		Object index = candidate.get("sdpMLineIndex");
		if (text instanceof String c && !c.isBlank()) {
			this.session.remoteCandidate(c, (mid != null) ? mid.toString() : null,
					(index instanceof Number n) ? n.intValue() : 0, deviceId);
		}
	}

	/**
	 * After a resume: re-offers with an ICE restart when this machine's addresses changed
	 * meanwhile, or, when {@code whenLost}, when ICE is disconnected or failed.
	 */
	void restartIceIfNeeded(boolean whenLost) {
		this.session.restartIceIfNeeded(whenLost);
	}

	void hold(boolean hold) {
		this.session.hold(hold);
	}

	void mute(boolean mute) {
		this.session.mute(mute);
	}

	void enableVideo(boolean enabled) {
		this.session.enableVideo(enabled);
	}

	void addVideo(MediaSpec spec) {
		this.session.addVideo(spec).whenComplete((info, ex) -> whileLive(() -> {
			if (info != null) {
				localStream(info);
			}
		}));
	}

	CompletableFuture<CallStats> stats() {
		return this.session.stats();
	}

	/** Releases every native resource of the call. */
	CompletableFuture<Void> close() {
		return this.session.close();
	}

	@Override
	public void onLocalDescription(String type, String sdp) {
		whileLive(() -> this.call.tell("call.sdp", Map.of("sdp", Map.of("type", type, "sdp", sdp))));
	}

	@Override
	public void onLocalCandidate(String candidate, String sdpMid, int sdpMLineIndex) {
		whileLive(() -> {
			Map<String, Object> c = new LinkedHashMap<>();
			c.put("candidate", candidate);
			c.put("sdpMid", sdpMid);
			c.put("sdpMLineIndex", sdpMLineIndex);
			this.call.tell("call.candidate", Map.of("candidate", c));
		});
	}

	@Override
	public void onIceState(boolean connected, boolean failed) {
		whileLive(() -> {
			int code = connected ? MediaState.CONNECTED : MediaState.DISCONNECTED;
			if (failed) {
				this.call.emit(CallEvent.ERROR, new OnCallerException(OnCallerError.ICE_FAILED, null));
			}
			if (code == this.mediaState || (!connected && this.mediaState == 0)) {
				return;
			}
			this.mediaState = code;
			this.call.tell("call.mediastate", Map.of("code", code));
			this.call.emit(CallEvent.MEDIA_STATE, connected ? MediaState.connected() : MediaState.disconnected());
		});
	}

	@Override
	public void onRemoteTrack(TrackSinks track) {
		whileLive(() -> {
			if (!track.isAudio()) {
				this.call.remoteVideo(); // before the event, so that its handlers see a video call
			}
			this.call.emit(CallEvent.ADD_REMOTE_STREAM, new RemoteStream(track));
		});
	}

	@Override
	public void onProblem(OnCallerException problem) {
		whileLive(() -> this.call.emit(CallEvent.ERROR, problem));
	}

	private void localStream(LocalInfo info) {
		this.call.emit(CallEvent.ADD_LOCAL_STREAM, new LocalStream(info));
		info.warnings().forEach((w) -> this.call.emit(CallEvent.ERROR, w));
	}

	/** Runs {@code task} on the event thread unless the call has ended by then. */
	private void whileLive(Runnable task) {
		this.events.post(() -> {
			if (!this.call.isEnded()) {
				task.run();
			}
		});
	}

}
