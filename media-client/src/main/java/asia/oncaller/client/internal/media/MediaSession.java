package asia.oncaller.client.internal.media;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import asia.oncaller.client.CallStats;
import asia.oncaller.client.IceServer;
import asia.oncaller.client.OnCallerError;
import asia.oncaller.client.OnCallerException;
import asia.oncaller.client.VideoResolution;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCIceServer;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCRtpSender;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.RTCRtpTransceiverDirection;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSignalingState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The media of one call: its {@link LocalMedia}, peer connection, remote tracks and SDP
 * negotiation. Every native call runs on the session's own thread, in submission order; SDP
 * steps form a chain so that a step starts only after the previous one has finished, including
 * WebRTC's asynchronous callbacks. Negotiation follows "perfect negotiation": the callee is the
 * polite side and rolls back its own offer on glare; the caller ignores the callee's offer then.
 * Remote ICE candidates are kept until the remote description they belong to is applied.
 * {@link #close()} releases everything in the order webrtc-java needs (pumps, sinks, senders,
 * peer connection, tracks, sources, factory, audio module).
 */
public final class MediaSession {

	private static final Logger log = LoggerFactory.getLogger(MediaSession.class);

	private static final AtomicInteger COUNTER = new AtomicInteger();

	private static final Set<MediaSession> OPEN = ConcurrentHashMap.newKeySet();

	private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

	private final String name;

	private final boolean polite;

	private final MediaListener listener;

	private final ExecutorService thread;

	private final MediaSpec spec;

	private final List<RTCRtpSender> senders = new ArrayList<>();

	private final Map<String, TrackSinks> remoteTracks = new ConcurrentHashMap<>();

	private final List<PendingCandidate> pendingCandidates = new ArrayList<>();

	private CompletableFuture<Void> chain = DONE;

	private LocalMedia local;

	private TrackSinks preview;

	private RTCPeerConnection pc;

	private String remoteDeviceId;

	private boolean remoteApplied;

	private volatile boolean closed;

	private boolean offerWanted;

	private boolean mayAnswer;

	private boolean onHold;

	private boolean muted;

	private boolean videoOff;

	/**
	 * @param polite whether this side gives way on glare (the callee)
	 * @param spec the local media wanted
	 * @param listener told about local SDP and candidates, ICE, remote tracks and problems
	 */
	public MediaSession(boolean polite, MediaSpec spec, MediaListener listener) {
		this.name = "oncaller-media-" + COUNTER.incrementAndGet();
		this.polite = polite;
		this.spec = spec;
		this.listener = listener;
		this.thread = Executors.newSingleThreadExecutor((r) -> {
			Thread t = new Thread(r, this.name);
			t.setDaemon(true);
			return t;
		});
		OPEN.add(this);
	}

	/** @return how many sessions are open in this JVM (not yet closed) */
	public static int openSessions() {
		return OPEN.size();
	}

	/** What {@link #prepare()} made: the payload of {@code addlocalstream}. */
	public record LocalInfo(String audioDescription, String videoDescription, VideoResolution resolution,
			TrackSinks videoPreview, List<OnCallerException> warnings) {
	}

	/** Creates the audio module, factory, sources and tracks (the slow part: do it early). */
	public CompletableFuture<LocalInfo> prepare() {
		CompletableFuture<LocalInfo> result = new CompletableFuture<>();
		step("prepare", () -> {
			this.local = LocalMedia.create(this.spec, this.name);
			if (this.local.video != null) {
				this.preview = new TrackSinks(this.local.video.track, this.thread);
			}
			result.complete(localInfo());
			return DONE;
		}, result);
		return result;
	}

	/** Creates the peer connection with the call's ICE servers and adds the local tracks. */
	public void connect(List<IceServer> iceServers) {
		step("connect", () -> {
			if (this.local == null) {
				return DONE; // prepare failed and was reported
			}
			RTCConfiguration config = new RTCConfiguration();
			for (IceServer server : iceServers) {
				RTCIceServer ice = new RTCIceServer();
				ice.urls = server.urls();
				ice.username = server.username();
				ice.password = server.credential();
				config.iceServers.add(ice);
			}
			this.pc = this.local.factory.createPeerConnection(config,
					new SessionObserver(this.listener, this::remoteTrack, () -> this.closed));
			if (this.pc == null) {
				throw new OnCallerException(OnCallerError.CREATE_PEER_CONNECTION_ERROR, "the factory returned none");
			}
			List<String> streams = List.of(this.name);
			this.senders.add(this.pc.addTrack(this.local.audioTrack, streams));
			if (this.local.video != null) {
				this.senders.add(this.pc.addTrack(this.local.video.track, streams));
			}
			return DONE;
		}, null);
	}

	/** Sends an offer now, or as soon as the signaling state is stable again. */
	public void offer() {
		step("offer", this::doOffer, null);
	}

	/** Lets this side answer: the pending remote offer now, and later ones as they come. */
	public void answer() {
		step("answer", () -> {
			this.mayAnswer = true;
			return (this.pc != null && this.pc.getSignalingState() == RTCSignalingState.HAVE_REMOTE_OFFER)
					? sendAnswer() : DONE;
		}, null);
	}

	/** Applies the peer's offer or answer; {@code deviceId} tells the callee's devices apart. */
	public void remoteDescription(String type, String sdp, String deviceId) {
		step("remote " + type, () -> {
			if (this.pc == null) {
				return DONE;
			}
			RTCSignalingState state = this.pc.getSignalingState();
			if ("offer".equals(type)) {
				CompletableFuture<Void> ready = DONE;
				if (state == RTCSignalingState.HAVE_LOCAL_OFFER) {
					if (!this.polite) {
						log.debug("{}: offer glare, the impolite side ignores the peer's offer", this.name);
						return DONE;
					}
					this.offerWanted = true;
					ready = Sdp.apply(this.pc, new RTCSessionDescription(RTCSdpType.ROLLBACK, ""), true);
				}
				return ready
					.thenComposeAsync((v) -> Sdp.apply(this.pc, new RTCSessionDescription(RTCSdpType.OFFER, sdp), false),
							this.thread)
					.thenComposeAsync((v) -> {
						remoteApplied(deviceId);
						return this.mayAnswer ? sendAnswer() : DONE;
					}, this.thread)
					.thenComposeAsync((v) -> this.offerWanted ? doOffer() : DONE, this.thread);
			}
			if ("answer".equals(type) && state == RTCSignalingState.HAVE_LOCAL_OFFER) {
				return Sdp.apply(this.pc, new RTCSessionDescription(RTCSdpType.ANSWER, sdp), false)
					.thenComposeAsync((v) -> {
						remoteApplied(deviceId);
						return this.offerWanted ? doOffer() : DONE;
					}, this.thread);
			}
			log.debug("{}: ignoring a remote {} in state {}", this.name, type, state);
			return DONE;
		}, null);
	}

	/** Adds the peer's ICE candidate, or keeps it until the remote description is applied. */
	public void remoteCandidate(String candidate, String sdpMid, int sdpMLineIndex, String deviceId) {
		run(() -> {
			PendingCandidate pending = new PendingCandidate(candidate, sdpMid, sdpMLineIndex, deviceId);
			if (this.remoteApplied) {
				addCandidate(pending);
			}
			else {
				this.pendingCandidates.add(pending);
			}
		});
	}

	/** Hold: local senders go {@code sendonly} (receivers {@code inactive}) and send nothing audible; then re-offers. */
	public void hold(boolean hold) {
		step(hold ? "hold" : "unhold", () -> {
			this.onHold = hold;
			applyTrackStates();
			applyDirections();
			return doOffer();
		}, null);
	}

	/** Mutes or unmutes the outgoing audio (silence is still sent). */
	public void mute(boolean mute) {
		run(() -> {
			this.muted = mute;
			applyTrackStates();
		});
	}

	/** Stops or restarts the outgoing video (black frames while stopped). */
	public void enableVideo(boolean enabled) {
		run(() -> {
			this.videoOff = !enabled;
			applyTrackStates();
		});
	}

	/** Adds local video to an audio call and re-offers; completes with the new local info. */
	public CompletableFuture<LocalInfo> addVideo(MediaSpec videoSpec) {
		CompletableFuture<LocalInfo> result = new CompletableFuture<>();
		step("add video", () -> {
			if (this.local.video == null) {
				this.local.addVideo(videoSpec, this.name);
				this.preview = new TrackSinks(this.local.video.track, this.thread);
				attachVideo();
				applyTrackStates();
				applyDirections();
			}
			result.complete(localInfo());
			return doOffer();
		}, result);
		return result;
	}

	/** @return a statistics snapshot, {@link CallStats#EMPTY} without a peer connection */
	public CompletableFuture<CallStats> stats() {
		CompletableFuture<CallStats> result = new CompletableFuture<>();
		if (!run(() -> {
			if (this.pc == null || this.closed) {
				result.complete(CallStats.EMPTY);
				return;
			}
			this.pc.getStats((report) -> result.complete(StatsMapper.map(report)));
		})) {
			result.complete(CallStats.EMPTY);
		}
		return result.completeOnTimeout(CallStats.EMPTY, 5, TimeUnit.SECONDS);
	}

	/** Releases every native resource of the call, in order; idempotent. */
	public CompletableFuture<Void> close() {
		CompletableFuture<Void> result = new CompletableFuture<>();
		if (!run(() -> {
			doClose();
			result.complete(null);
			this.thread.shutdown();
		})) {
			result.complete(null);
		}
		return result;
	}

	private void doClose() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		long start = System.nanoTime();
		if (this.local != null) {
			this.local.stopPumps();
		}
		this.remoteTracks.values().forEach(TrackSinks::detach);
		if (this.preview != null) {
			this.preview.detach();
		}
		RTCPeerConnection connection = this.pc;
		if (connection != null) {
			for (RTCRtpSender sender : this.senders) {
				LocalMedia.dispose("sender", () -> connection.removeTrack(sender));
			}
			LocalMedia.dispose("peer connection", connection::close);
			this.pc = null;
		}
		if (this.local != null) {
			this.local.close();
			this.local = null;
		}
		OPEN.remove(this);
		log.debug("{} released in {} ms", this.name, (System.nanoTime() - start) / 1_000_000);
	}

	private CompletableFuture<Void> doOffer() {
		if (this.pc == null) {
			return DONE;
		}
		if (this.pc.getSignalingState() != RTCSignalingState.STABLE) {
			this.offerWanted = true;
			return DONE;
		}
		this.offerWanted = false;
		return Sdp.create(this.pc, true)
			.thenComposeAsync((d) -> Sdp.apply(this.pc, d, true).thenApply((v) -> d), this.thread)
			.thenAcceptAsync((d) -> this.listener.onLocalDescription("offer", d.sdp), this.thread);
	}

	private CompletableFuture<Void> sendAnswer() {
		return Sdp.create(this.pc, false)
			.thenComposeAsync((d) -> Sdp.apply(this.pc, d, true).thenApply((v) -> d), this.thread)
			.thenAcceptAsync((d) -> this.listener.onLocalDescription("answer", d.sdp), this.thread);
	}

	private void remoteApplied(String deviceId) {
		if (this.remoteDeviceId == null) {
			this.remoteDeviceId = deviceId;
		}
		this.remoteApplied = true;
		this.pendingCandidates.forEach(this::addCandidate);
		this.pendingCandidates.clear();
	}

	private void addCandidate(PendingCandidate c) {
		if (this.pc == null || (c.deviceId() != null && this.remoteDeviceId != null && !c.deviceId().equals(this.remoteDeviceId))) {
			return;
		}
		LocalMedia.dispose("remote candidate", () -> this.pc.addIceCandidate(c.toRtc()));
	}

	private void remoteTrack(RTCRtpTransceiver transceiver) {
		// on a WebRTC thread, during setRemoteDescription: hand the track over, nothing more
		var track = transceiver.getReceiver().getTrack();
		String id = track.getId();
		if (this.closed || this.remoteTracks.containsKey(id)) {
			return;
		}
		TrackSinks sinks = new TrackSinks(track, this.thread);
		this.remoteTracks.put(id, sinks);
		this.listener.onRemoteTrack(sinks);
	}

	private void attachVideo() {
		Map<String, String> kinds = Sdp.kindsByMid(sdpOf(this.pc.getRemoteDescription()));
		for (RTCRtpTransceiver t : this.pc.getTransceivers()) {
			if ("video".equals(kinds.get(t.getMid())) && !t.stopped()
					&& t.getDirection() == RTCRtpTransceiverDirection.RECV_ONLY) {
				RTCRtpSender sender = t.getSender();
				sender.replaceTrack(this.local.video.track);
				sender.setStreams(List.of(this.name));
				this.senders.add(sender);
				return;
			}
		}
		this.senders.add(this.pc.addTrack(this.local.video.track, List.of(this.name)));
	}

	private void applyDirections() {
		if (this.pc == null) {
			return;
		}
		Map<String, String> kinds = Sdp.kindsByMid(sdpOf(this.pc.getLocalDescription()));
		kinds.putAll(Sdp.kindsByMid(sdpOf(this.pc.getRemoteDescription())));
		for (RTCRtpTransceiver t : this.pc.getTransceivers()) {
			String kind = kinds.get(t.getMid());
			if (kind == null || t.stopped()) {
				continue;
			}
			boolean sends = "audio".equals(kind) ? this.local.audioTrack != null : this.local.video != null;
			RTCRtpTransceiverDirection wanted = sends
					? (this.onHold ? RTCRtpTransceiverDirection.SEND_ONLY : RTCRtpTransceiverDirection.SEND_RECV)
					: (this.onHold ? RTCRtpTransceiverDirection.INACTIVE : RTCRtpTransceiverDirection.RECV_ONLY);
			if (t.getDirection() != wanted) {
				t.setDirection(wanted);
			}
		}
	}

	private void applyTrackStates() {
		if (this.local == null) {
			return;
		}
		if (this.local.audioTrack != null) {
			this.local.audioTrack.setEnabled(!this.muted && !this.onHold);
		}
		if (this.local.video != null) {
			this.local.video.track.setEnabled(!this.videoOff && !this.onHold);
		}
	}

	private LocalInfo localInfo() {
		LocalInfo info = new LocalInfo(this.local.audioDescription,
				(this.local.video != null) ? this.local.video.description : null,
				(this.local.video != null) ? this.local.video.resolution : null, this.preview,
				List.copyOf(this.local.warnings));
		this.local.warnings.clear();
		return info;
	}

	private static String sdpOf(RTCSessionDescription description) {
		return (description != null) ? description.sdp : null;
	}

	/**
	 * Appends a step to the chain. A failing step completes {@code result} (if any) exceptionally
	 * and is reported once; the chain goes on.
	 */
	private <T> void step(String what, Supplier<CompletableFuture<Void>> body, CompletableFuture<T> result) {
		if (!run(() -> this.chain = this.chain.thenComposeAsync((v) -> this.closed ? DONE : body.get(), this.thread)
			.exceptionally((ex) -> {
				Throwable cause = (ex instanceof java.util.concurrent.CompletionException && ex.getCause() != null)
						? ex.getCause() : ex;
				if (result != null) {
					result.completeExceptionally(cause); // the caller reports it
				}
				else if (!this.closed && !(cause instanceof RejectedExecutionException)) {
					this.listener.onProblem((cause instanceof OnCallerException oe) ? oe
							: new OnCallerException(OnCallerError.NEGOTIATION_FAILED, what + ": " + cause.getMessage(), cause));
				}
				return null;
			}))) {
			if (result != null) {
				result.completeExceptionally(new OnCallerException(OnCallerError.INVALID_STATE, "the call's media is closed"));
			}
		}
	}

	/** Runs on the session thread; false when the session is closed. */
	private boolean run(Runnable task) {
		try {
			this.thread.execute(() -> {
				try {
					task.run();
				}
				catch (Throwable ex) {
					log.warn("{}: {}", this.name, ex.toString());
				}
			});
			return true;
		}
		catch (RejectedExecutionException ex) {
			return false;
		}
	}

	private record PendingCandidate(String candidate, String sdpMid, int sdpMLineIndex, String deviceId) {

		dev.onvoid.webrtc.RTCIceCandidate toRtc() {
			return new dev.onvoid.webrtc.RTCIceCandidate(this.sdpMid, this.sdpMLineIndex, this.candidate);
		}

	}

}
