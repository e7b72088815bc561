package asia.oncaller.client.internal.media;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCIceConnectionState;
import dev.onvoid.webrtc.RTCRtpTransceiver;

/**
 * The peer connection's observer: forwards candidates, ICE states and tracks, and does nothing
 * that could block a WebRTC thread.
 */
final class SessionObserver implements PeerConnectionObserver {

	private final MediaListener listener;

	private final Consumer<RTCRtpTransceiver> tracks;

	private final BooleanSupplier closed;

	SessionObserver(MediaListener listener, Consumer<RTCRtpTransceiver> tracks, BooleanSupplier closed) {
		this.listener = listener;
		this.tracks = tracks;
		this.closed = closed;
	}

	@Override
	public void onIceCandidate(RTCIceCandidate candidate) {
		if (!this.closed.getAsBoolean()) {
			this.listener.onLocalCandidate(candidate.sdp, candidate.sdpMid, candidate.sdpMLineIndex);
		}
	}

	@Override
	public void onIceConnectionChange(RTCIceConnectionState state) {
		if (this.closed.getAsBoolean()) {
			return;
		}
		switch (state) {
			case CONNECTED, COMPLETED -> this.listener.onIceState(true, false);
			case DISCONNECTED -> this.listener.onIceState(false, false);
			case FAILED -> this.listener.onIceState(false, true);
			default -> {
			}
		}
	}

	@Override
	public void onTrack(RTCRtpTransceiver transceiver) {
		if (!this.closed.getAsBoolean()) {
			this.tracks.accept(transceiver);
		}
	}

}
