package asia.oncaller.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import asia.oncaller.client.CallEvent;
import asia.oncaller.client.CallResult;
import asia.oncaller.client.CallStats;
import asia.oncaller.client.LocalStream;
import asia.oncaller.client.MediaState;
import asia.oncaller.client.OnCallerCall;
import asia.oncaller.client.OnCallerException;
import asia.oncaller.client.OtherDevice;
import asia.oncaller.client.RemoteStream;
import asia.oncaller.client.SignalingState;

/**
 * Records everything one call reports: signaling and media states, info, DTMF, hold, errors,
 * other-device events, its local stream; measures the remote tone and counts remote video
 * frames with their size.
 */
final class CallProbe {

	final OnCallerCall call;

	final CompletableFuture<CallResult> makeResult = new CompletableFuture<>();

	final List<SignalingState> signaling = new CopyOnWriteArrayList<>();

	final List<MediaState> media = new CopyOnWriteArrayList<>();

	final List<Map<String, Object>> infos = new CopyOnWriteArrayList<>();

	final List<String> dtmf = new CopyOnWriteArrayList<>();

	final List<Boolean> holds = new CopyOnWriteArrayList<>();

	final List<OnCallerException> errors = new CopyOnWriteArrayList<>();

	final List<OtherDevice> otherDevice = new CopyOnWriteArrayList<>();

	/** The {@code peerconnection} states heard: the other party's connection lost and restored. */
	final List<String> peer = new CopyOnWriteArrayList<>();

	final CompletableFuture<LocalStream> local = new CompletableFuture<>();

	final ToneMeter tone = new ToneMeter(600, 2000);

	final AtomicLong videoFrames = new AtomicLong();

	volatile String lastVideoSize = "";

	private volatile RemoteStream remoteAudio;

	/** Every frame size decoded (WebRTC may scale down later, under CPU or bandwidth pressure). */
	final java.util.Set<String> videoSizes = java.util.concurrent.ConcurrentHashMap.newKeySet();

	final long createdNanos = System.nanoTime();

	volatile long mediaConnectedNanos;

	CallProbe(OnCallerCall call) {
		this.call = call;
		call.on(CallEvent.SIGNALING_STATE, this.signaling::add);
		call.on(CallEvent.MEDIA_STATE, (state) -> {
			if (state.code() == MediaState.CONNECTED && this.mediaConnectedNanos == 0) {
				this.mediaConnectedNanos = System.nanoTime();
			}
			this.media.add(state);
		});
		call.on(CallEvent.INFO, this.infos::add);
		call.on(CallEvent.DTMF, this.dtmf::add);
		call.on(CallEvent.HOLD, this.holds::add);
		call.on(CallEvent.ERROR, this.errors::add);
		call.on(CallEvent.OTHER_DEVICE, this.otherDevice::add);
		call.on(CallEvent.PEER_CONNECTION, this.peer::add);
		call.on(CallEvent.ADD_LOCAL_STREAM, this.local::complete);
		call.on(CallEvent.ADD_REMOTE_STREAM, (stream) -> {
			if (stream.isAudio()) {
				this.remoteAudio = stream;
				stream.addAudioSink(this.tone);
			}
			else {
				stream.addVideoSink((frame) -> {
					this.videoFrames.incrementAndGet();
					this.lastVideoSize = frame.width() + "x" + frame.height();
					this.videoSizes.add(this.lastVideoSize);
				});
			}
		});
	}

	/**
	 * Measures the remote tone again, from now on (after a network change, say), with a meter of
	 * its own next to {@link #tone}.
	 */
	ToneMeter measureToneAgain() {
		RemoteStream audio = this.remoteAudio;
		if (audio == null) {
			throw new AssertionError("no remote audio to measure");
		}
		ToneMeter meter = new ToneMeter(600, 2000);
		audio.addAudioSink(meter);
		return meter;
	}

	/** @return the audio packets received so far */
	long inboundAudioPackets() {
		return stats().inboundAudio().map((s) -> s.packets()).orElse(0L);
	}

	boolean mediaConnected() {
		return this.media.stream().anyMatch((m) -> m.code() == MediaState.CONNECTED);
	}

	boolean hasSignalingState(int code) {
		return this.signaling.stream().anyMatch((s) -> s.code() == code);
	}

	CallStats stats() {
		try {
			return this.call.getStats().get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new AssertionError("no stats", ex);
		}
	}

	long inboundAudioBytes() {
		return stats().inboundAudio().map((s) -> s.bytes()).orElse(0L);
	}

	static CallResult result(CompletableFuture<CallResult> future) {
		try {
			return future.get(20, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new AssertionError("no callback", ex);
		}
	}

	/** @return milliseconds from this probe's creation (just before makeCall) to mediastate 1 */
	long setupMillis() {
		return Duration.ofNanos(this.mediaConnectedNanos - this.createdNanos).toMillis();
	}

}
