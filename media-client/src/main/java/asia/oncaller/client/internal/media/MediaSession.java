package asia.oncaller.client.internal.media;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import asia.oncaller.client.CallStats;
import asia.oncaller.client.IceServer;
import asia.oncaller.client.OnCallerError;
import asia.oncaller.client.OnCallerException;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCIceConnectionState;
import dev.onvoid.webrtc.RTCIceServer;
import dev.onvoid.webrtc.RTCIceTransportPolicy;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCRtpSender;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The media of one call: its {@link LocalMedia}, peer connection, {@link Negotiation}, remote
 * tracks and {@link SendState}. Every native call runs on the session's own thread, in
 * submission order; steps that involve SDP form a chain there ({@link SessionThread}), so that a
 * step starts only after the previous one has finished. {@link #close()} releases
 * everything in the order webrtc-java needs: pumps, sinks, senders, peer connection, tracks,
 * sources, factory, audio module.
 */
public final class MediaSession {

	private static final Logger log = LoggerFactory.getLogger(MediaSession.class);

	private static final AtomicInteger COUNTER = new AtomicInteger();

	private static final Set<MediaSession> OPEN = ConcurrentHashMap.newKeySet();

	private static final CompletableFuture<Void> DONE = SessionThread.DONE;

	private final String name;

	private final boolean polite;

	private final MediaListener listener;

	private final SessionThread thread;

	private final MediaSpec spec;

	private final List<RTCRtpSender> senders = new ArrayList<>();

	private final Map<String, TrackSinks> remoteTracks = new ConcurrentHashMap<>();

	private LocalMedia local;

	private TrackSinks preview;

	private RTCPeerConnection pc;

	private Negotiation negotiation;

	private final List<Runnable> beforeConnect = new ArrayList<>();

	private volatile boolean closed;

	private final SendState sending = new SendState();

	/** The machine's addresses when ICE last gathered: at {@link #connect}, and at each ICE restart. */
	private Set<InetAddress> gatheredOn = Set.of();

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
		this.thread = new SessionThread(this.name, () -> this.closed, listener::onProblem);
		OPEN.add(this);
	}

	/** @return how many sessions are open in this JVM (not yet closed) */
	public static int openSessions() {
		return OPEN.size();
	}

	/** Creates the audio module, factory, sources and tracks (the slow part: do it early). */
	public CompletableFuture<LocalInfo> prepare() {
		CompletableFuture<LocalInfo> result = new CompletableFuture<>();
		this.thread.step("prepare", () -> {
			this.local = LocalMedia.create(this.spec, this.name);
			if (this.local.video != null) {
				this.preview = new TrackSinks(this.local.video.track, this.thread);
			}
			result.complete(localInfo());
			return DONE;
		}, result);
		return result;
	}

	/**
	 * Creates the peer connection with the call's ICE servers and adds the local tracks.
	 * @param relayOnly whether media may only go through a TURN relay ({@code iceTransportPolicy: relay})
	 */
	public void connect(List<IceServer> iceServers, boolean relayOnly) {
		this.thread.step("connect", () -> {
			if (this.local == null) {
				return DONE; // prepare failed and was reported
			}
			RTCConfiguration config = new RTCConfiguration();
			config.iceTransportPolicy = relayOnly ? RTCIceTransportPolicy.RELAY : RTCIceTransportPolicy.ALL;
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
			this.negotiation = new Negotiation(this.pc, this.polite, this.thread, this.listener, () -> this.closed);
			this.gatheredOn = LocalAddresses.now();
			this.beforeConnect.forEach(Runnable::run);
			this.beforeConnect.clear();
			return DONE;
		}, null);
	}

	/** Sends an offer now, or as soon as the signaling state is stable again. */
	public void offer() {
		this.thread.step("offer", () -> (this.negotiation != null) ? this.negotiation.offer() : DONE, null);
	}

	/**
	 * After a resume: re-offers with an ICE restart when the machine's addresses changed since ICE
	 * last gathered (the network changed under the call: candidates on an address that is gone
	 * cannot carry media, and new addresses have none), or, when {@code whenLost}, when ICE is
	 * disconnected or failed.
	 */
	public void restartIceIfNeeded(boolean whenLost) {
		this.thread.step("ice restart", () -> {
			if (this.pc == null || this.negotiation == null) {
				return DONE;
			}
			Set<InetAddress> addresses = LocalAddresses.now();
			RTCIceConnectionState ice = this.pc.getIceConnectionState();
			boolean moved = !addresses.equals(this.gatheredOn);
			boolean lost = ice == RTCIceConnectionState.DISCONNECTED || ice == RTCIceConnectionState.FAILED;
			if (!moved && !(whenLost && lost)) {
				return DONE;
			}
			log.debug("{}: ICE restart (addresses {} -> {}, ICE {})", this.name, this.gatheredOn, addresses, ice);
			this.gatheredOn = addresses;
			return this.negotiation.offer(true);
		}, null);
	}

	/** Lets this side answer: the pending remote offer now, and later ones as they come. */
	public void answer() {
		this.thread.step("answer", () -> (this.negotiation != null) ? this.negotiation.allowAnswer() : DONE, null);
	}

	/** Applies the peer's offer or answer; {@code deviceId} tells the callee's devices apart. */
	public void remoteDescription(String type, String sdp, String deviceId) {
		this.thread.step("remote " + type,
				() -> (this.negotiation != null) ? this.negotiation.remote(type, sdp, deviceId) : DONE, null);
	}

	/** Adds the peer's ICE candidate, or keeps it until the remote description is applied. */
	public void remoteCandidate(String candidate, String sdpMid, int sdpMLineIndex, String deviceId) {
		this.thread.run(() -> {
			if (this.negotiation != null) {
				this.negotiation.candidate(candidate, sdpMid, sdpMLineIndex, deviceId);
			}
			else { // before the peer connection: the offer that needs it comes later in the chain anyway
				this.beforeConnect.add(() -> this.negotiation.candidate(candidate, sdpMid, sdpMLineIndex, deviceId));
			}
		});
	}

	/** Hold: local senders go {@code sendonly} (receivers {@code inactive}) and send nothing audible; then re-offers. */
	public void hold(boolean hold) {
		this.thread.step(hold ? "hold" : "unhold", () -> {
			this.sending.onHold = hold;
			this.sending.applyTracks(this.local);
			this.sending.applyDirections(this.pc, this.local);
			return (this.negotiation != null) ? this.negotiation.offer() : DONE;
		}, null);
	}

	/** Mutes or unmutes the outgoing audio (silence is still sent). */
	public void mute(boolean mute) {
		this.thread.run(() -> {
			this.sending.muted = mute;
			this.sending.applyTracks(this.local);
		});
	}

	/** Stops or restarts the outgoing video (black frames while stopped). */
	public void enableVideo(boolean enabled) {
		this.thread.run(() -> {
			this.sending.videoOff = !enabled;
			this.sending.applyTracks(this.local);
		});
	}

	/** Adds local video to an audio call and re-offers; completes with the new local info. */
	public CompletableFuture<LocalInfo> addVideo(MediaSpec videoSpec) {
		CompletableFuture<LocalInfo> result = new CompletableFuture<>();
		this.thread.step("add video", () -> {
			if (this.local.video == null) {
				this.local.addVideo(videoSpec, this.name);
				this.preview = new TrackSinks(this.local.video.track, this.thread);
				this.senders.add(SendState.attachVideo(this.pc, this.local.video.track, this.name));
				this.sending.applyTracks(this.local);
				this.sending.applyDirections(this.pc, this.local);
			}
			result.complete(localInfo());
			return this.negotiation.offer();
		}, result);
		return result;
	}

	/** @return a statistics snapshot, {@link CallStats#EMPTY} without a peer connection */
	public CompletableFuture<CallStats> stats() {
		CompletableFuture<CallStats> result = new CompletableFuture<>();
		if (!this.thread.run(() -> {
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
		if (!this.thread.run(() -> {
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

	private LocalInfo localInfo() {
		LocalInfo info = new LocalInfo(this.local.audioDescription,
				(this.local.video != null) ? this.local.video.description : null,
				(this.local.video != null) ? this.local.video.resolution : null, this.preview,
				List.copyOf(this.local.warnings));
		this.local.warnings.clear();
		return info;
	}

}
