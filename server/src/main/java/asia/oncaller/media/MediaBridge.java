package asia.oncaller.media;

/**
 * Bridges a WebRTC app leg and a plain-RTP phone leg of one SIP call. Sessions are keyed by the
 * SIP Call-ID and the tags of the SIP dialog; every method returns the SDP for the other side.
 */
public interface MediaBridge {

	/** The app's WebRTC offer, rewritten as the plain RTP offer that goes to the phone. */
	String offerToPhone(String sipCallId, String fromTag, String webRtcSdp);

	/** The phone's plain RTP answer, rewritten as the WebRTC answer that goes to the app. */
	String answerFromPhone(String sipCallId, String fromTag, String toTag, String plainSdp);

	/** The phone's plain RTP offer, rewritten as the WebRTC offer that goes to the app. */
	String offerToApp(String sipCallId, String fromTag, String plainSdp);

	/** The app's WebRTC answer, rewritten as the plain RTP answer that goes to the phone. */
	String answerFromApp(String sipCallId, String fromTag, String toTag, String webRtcSdp);

	/** Sends DTMF digits as RFC 4733 events toward the phone, from the side with {@code fromTag}. */
	void playDtmf(String sipCallId, String fromTag, String digits);

	/** Releases the call's media. */
	void delete(String sipCallId);

}
