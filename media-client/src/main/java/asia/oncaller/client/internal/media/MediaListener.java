package asia.oncaller.client.internal.media;

import asia.oncaller.client.OnCallerException;

/**
 * What a {@link MediaSession} tells its call. Called on the session's thread or a WebRTC thread:
 * implementations hand the news to their own thread and return at once.
 */
public interface MediaListener {

	/** A local offer or answer to send to the peer. */
	void onLocalDescription(String type, String sdp);

	/** A local ICE candidate to send to the peer. */
	void onLocalCandidate(String candidate, String sdpMid, int sdpMLineIndex);

	/** ICE connected ({@code true}) or was lost/failed ({@code false}; {@code failed} says which). */
	void onIceState(boolean connected, boolean failed);

	/** The peer's audio or video track arrived. */
	void onRemoteTrack(TrackSinks track);

	/** Something went wrong, but the session goes on (fallbacks, a failed negotiation step). */
	void onProblem(OnCallerException problem);

}
