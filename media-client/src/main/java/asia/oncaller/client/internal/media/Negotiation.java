package asia.oncaller.client.internal.media;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.RTCSignalingState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Offer/answer on one peer connection, "perfect negotiation" style: the callee is polite and
 * rolls its own offer back on glare, the caller ignores the callee's offer then; an offer wanted
 * while the state is not stable is made as soon as it is. Remote offers are answered once
 * {@link #allowAnswer()} was called: by the callee when its user answers, by the caller from the
 * start (the callee re-offers to upgrade to video or to hold). Remote candidates wait until the
 * remote description they belong to is applied, and only the answering device's are used (the
 * caller's offer reaches every ringing device of the callee). Every method runs on the media
 * session's thread, inside one of its chained steps, and returns when its SDP work is done.
 */
final class Negotiation {

	private static final Logger log = LoggerFactory.getLogger(Negotiation.class);

	private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

	private final RTCPeerConnection pc;

	private final boolean polite;

	private final Executor thread;

	private final MediaListener listener;

	private final BooleanSupplier closed;

	private final List<PendingCandidate> pending = new ArrayList<>();

	private boolean offerWanted;

	private boolean iceRestartWanted;

	private boolean mayAnswer;

	private boolean remoteApplied;

	private String remoteDeviceId;

	Negotiation(RTCPeerConnection pc, boolean polite, Executor thread, MediaListener listener, BooleanSupplier closed) {
		this.pc = pc;
		this.polite = polite;
		this.thread = thread;
		this.listener = listener;
		this.closed = closed;
	}

	/** Makes and sends an offer, or remembers to once the state is stable. */
	CompletableFuture<Void> offer() {
		return offer(false);
	}

	/** {@link #offer()}, restarting ICE (new credentials, new candidates) when {@code iceRestart}. */
	CompletableFuture<Void> offer(boolean iceRestart) {
		this.iceRestartWanted |= iceRestart;
		if (this.pc.getSignalingState() != RTCSignalingState.STABLE) {
			this.offerWanted = true;
			return DONE;
		}
		this.offerWanted = false;
		return send(true);
	}

	/** From now on remote offers are answered; answers the pending one, if any. */
	CompletableFuture<Void> allowAnswer() {
		this.mayAnswer = true;
		return (this.pc.getSignalingState() == RTCSignalingState.HAVE_REMOTE_OFFER) ? send(false) : DONE;
	}

	/** Applies the peer's offer or answer. */
	CompletableFuture<Void> remote(String type, String sdp, String deviceId) {
		RTCSignalingState state = this.pc.getSignalingState();
		if ("offer".equals(type)) {
			CompletableFuture<Void> ready = DONE;
			if (state == RTCSignalingState.HAVE_LOCAL_OFFER) {
				if (!this.polite) {
					log.debug("Offer glare: the caller ignores the callee's offer");
					return DONE;
				}
				this.offerWanted = true; // ours again, after answering theirs
				ready = Sdp.apply(this.pc, new RTCSessionDescription(RTCSdpType.ROLLBACK, ""), true);
			}
			return ready
				.thenComposeAsync((v) -> Sdp.apply(this.pc, new RTCSessionDescription(RTCSdpType.OFFER, sdp), false),
						this.thread)
				.thenComposeAsync((v) -> {
					applied(deviceId);
					return this.mayAnswer ? send(false) : DONE;
				}, this.thread)
				.thenComposeAsync((v) -> this.offerWanted ? offer() : DONE, this.thread);
		}
		if ("answer".equals(type) && state == RTCSignalingState.HAVE_LOCAL_OFFER) {
			return Sdp.apply(this.pc, new RTCSessionDescription(RTCSdpType.ANSWER, sdp), false)
				.thenComposeAsync((v) -> {
					applied(deviceId);
					return this.offerWanted ? offer() : DONE;
				}, this.thread);
		}
		log.debug("Ignoring a remote {} in state {}", type, state);
		return DONE;
	}

	/** Adds the peer's candidate now, or once its remote description is applied. */
	void candidate(String candidate, String sdpMid, int sdpMLineIndex, String deviceId) {
		PendingCandidate c = new PendingCandidate(candidate, sdpMid, sdpMLineIndex, deviceId);
		if (this.remoteApplied) {
			add(c);
		}
		else {
			this.pending.add(c);
		}
	}

	private CompletableFuture<Void> send(boolean offer) {
		boolean iceRestart = offer && this.iceRestartWanted;
		if (offer) {
			this.iceRestartWanted = false;
		}
		return Sdp.create(this.pc, offer, iceRestart)
			.thenComposeAsync((d) -> Sdp.apply(this.pc, d, true).thenApply((v) -> d), this.thread)
			.thenAcceptAsync((d) -> {
				if (!this.closed.getAsBoolean()) {
					this.listener.onLocalDescription(offer ? "offer" : "answer", d.sdp);
				}
			}, this.thread);
	}

	private void applied(String deviceId) {
		if (this.remoteDeviceId == null) {
			this.remoteDeviceId = deviceId;
		}
		this.remoteApplied = true;
		this.pending.forEach(this::add);
		this.pending.clear();
	}

	private void add(PendingCandidate c) {
		if (this.closed.getAsBoolean()
				|| (c.deviceId() != null && this.remoteDeviceId != null && !c.deviceId().equals(this.remoteDeviceId))) {
			return;
		}
		LocalMedia.dispose("remote candidate",
				() -> this.pc.addIceCandidate(new RTCIceCandidate(c.sdpMid(), c.sdpMLineIndex(), c.candidate())));
	}

	private record PendingCandidate(String candidate, String sdpMid, int sdpMLineIndex, String deviceId) {
	}

}
