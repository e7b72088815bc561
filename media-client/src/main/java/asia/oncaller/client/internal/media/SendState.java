package asia.oncaller.client.internal.media;

import java.util.List;
import java.util.Map;

import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCRtpSender;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.RTCRtpTransceiverDirection;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.media.video.VideoTrack;

/**
 * What this side sends: hold, mute and video-off flags, turned into track states and transceiver
 * directions. Hold is {@code sendonly} (nothing flows to the holder) with the local tracks
 * disabled (the held party gets silence and black frames, not the holder's microphone);
 * a transceiver this side does not send on goes {@code inactive}. Transceivers are told apart by
 * the m-line kinds of the SDP, without asking WebRTC for track objects (each such query makes a
 * new native reference, and webrtc-java then refuses to dispose the track).
 */
final class SendState {

	boolean onHold;

	boolean muted;

	boolean videoOff;

	void applyTracks(LocalMedia local) {
		if (local == null) {
			return;
		}
		if (local.audioTrack != null) {
			local.audioTrack.setEnabled(!this.muted && !this.onHold);
		}
		if (local.video != null) {
			local.video.track.setEnabled(!this.videoOff && !this.onHold);
		}
	}

	void applyDirections(RTCPeerConnection pc, LocalMedia local) {
		if (pc == null || local == null) {
			return;
		}
		Map<String, String> kinds = Sdp.kindsByMid(sdp(pc.getLocalDescription()));
		kinds.putAll(Sdp.kindsByMid(sdp(pc.getRemoteDescription())));
		for (RTCRtpTransceiver t : pc.getTransceivers()) {
			String kind = kinds.get(t.getMid());
			if (kind == null || t.stopped()) {
				continue;
			}
			boolean sends = "audio".equals(kind) ? local.audioTrack != null : local.video != null;
			RTCRtpTransceiverDirection wanted = sends
					? (this.onHold ? RTCRtpTransceiverDirection.SEND_ONLY : RTCRtpTransceiverDirection.SEND_RECV)
					: (this.onHold ? RTCRtpTransceiverDirection.INACTIVE : RTCRtpTransceiverDirection.RECV_ONLY);
			if (t.getDirection() != wanted) {
				t.setDirection(wanted);
			}
		}
	}

	/**
	 * Sends {@code track} on the video transceiver the peer's offer created (receive-only so far),
	 * or on a new one.
	 * @return the sender, to remove at close
	 */
	static RTCRtpSender attachVideo(RTCPeerConnection pc, VideoTrack track, String streamId) {
		Map<String, String> kinds = Sdp.kindsByMid(sdp(pc.getRemoteDescription()));
		for (RTCRtpTransceiver t : pc.getTransceivers()) {
			if ("video".equals(kinds.get(t.getMid())) && !t.stopped()
					&& t.getDirection() == RTCRtpTransceiverDirection.RECV_ONLY) {
				RTCRtpSender sender = t.getSender();
				sender.replaceTrack(track);
				sender.setStreams(List.of(streamId));
				return sender;
			}
		}
		return pc.addTrack(track, List.of(streamId));
	}

	private static String sdp(RTCSessionDescription description) {
		return (description != null) ? description.sdp : null;
	}

}
