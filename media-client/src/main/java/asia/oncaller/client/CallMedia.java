package asia.oncaller.client;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import asia.oncaller.client.internal.media.MediaListener;
import asia.oncaller.client.internal.media.MediaSession;
import asia.oncaller.client.internal.media.MediaSpec;
import asia.oncaller.client.internal.media.TrackSinks;

/**
 * Binds a call to its {@link MediaSession}: starts and steers it, and turns what the session
 * reports (on WebRTC threads) into signaling messages and call events on the client's event
 * thread. Once the call has ended nothing from the session reaches the application.
 */
final class CallMedia implements MediaListener {

	private final OnCallerCall call;

	private final OnCallerClient client;

	private final MediaSession session;

	private int mediaState;

	CallMedia(OnCallerCall call, OnCallerClient client, MediaSpec spec, boolean polite) {
		this.call = call;
		this.client = client;
		this.session = new MediaSession(polite, spec, this);
	}

	/** Creates the local media; {@code addlocalstream} (and any fallback errors) follow. */
	void prepare() {
		this.session.prepare().whenComplete((info, ex) -> this.client.post(() -> {
			if (this.call.isEnded()) {
				return;
			}
			if (ex != null) {
				this.call.mediaFailed((ex instanceof OnCallerException oe) ? oe
						: new OnCallerException(OnCallerError.CREATE_PEER_CONNECTION_ERROR, ex.toString(), ex));
				return;
			}
			this.call.emit(CallEvent.ADD_LOCAL_STREAM, new LocalStream(info));
			info.warnings().forEach((w) -> this.call.emit(CallEvent.ERROR, w));
		}));
	}

	void connect(List<IceServer> iceServers) {
		this.session.connect(iceServers);
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
		this.session.addVideo(spec).whenComplete((info, ex) -> this.client.post(() -> {
			if (!this.call.isEnded() && info != null) {
				this.call.emit(CallEvent.ADD_LOCAL_STREAM, new LocalStream(info));
				info.warnings().forEach((w) -> this.call.emit(CallEvent.ERROR, w));
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
		this.client.post(() -> {
			if (!this.call.isEnded()) {
				this.client.signaling()
					.tell("call.sdp", Map.of("callId", this.call.getCallId(), "sdp", Map.of("type", type, "sdp", sdp)));
			}
		});
	}

	@Override
	public void onLocalCandidate(String candidate, String sdpMid, int sdpMLineIndex) {
		this.client.post(() -> {
			if (!this.call.isEnded()) {
				Map<String, Object> c = new java.util.LinkedHashMap<>();
				c.put("candidate", candidate);
				c.put("sdpMid", sdpMid);
				c.put("sdpMLineIndex", sdpMLineIndex);
				this.client.signaling().tell("call.candidate", Map.of("callId", this.call.getCallId(), "candidate", c));
			}
		});
	}

	@Override
	public void onIceState(boolean connected, boolean failed) {
		this.client.post(() -> {
			if (this.call.isEnded()) {
				return;
			}
			int code = connected ? MediaState.CONNECTED : MediaState.DISCONNECTED;
			if (failed) {
				this.call.emit(CallEvent.ERROR, new OnCallerException(OnCallerError.ICE_FAILED, null));
			}
			if (code == this.mediaState || (!connected && this.mediaState == 0)) {
				return;
			}
			this.mediaState = code;
			this.client.signaling().tell("call.mediastate", Map.of("callId", this.call.getCallId(), "code", code));
			this.call.emit(CallEvent.MEDIA_STATE, connected ? MediaState.connected() : MediaState.disconnected());
		});
	}

	@Override
	public void onRemoteTrack(TrackSinks track) {
		this.client.post(() -> {
			if (!this.call.isEnded()) {
				this.call.emit(CallEvent.ADD_REMOTE_STREAM, new RemoteStream(track));
			}
		});
	}

	@Override
	public void onProblem(OnCallerException problem) {
		this.client.post(() -> {
			if (!this.call.isEnded()) {
				this.call.emit(CallEvent.ERROR, problem);
			}
		});
	}

}
