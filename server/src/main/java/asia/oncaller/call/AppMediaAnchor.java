package asia.oncaller.call;

import java.util.Map;

/**
 * The media anchor of app-to-app calls that need one ({@link Call#isMediaAnchored()}): their SDP
 * goes through rtpengine, which terminates ICE and DTLS-SRTP toward each app, instead of straight
 * to the other app. The {@code anchor} module provides it.
 */
public interface AppMediaAnchor {

	/**
	 * Takes one app's SDP through the anchor.
	 * @param callId the call, whose id is also its id at rtpengine
	 * @param fromCaller whether the caller sent it (else the callee's answering device)
	 * @param sdp the app's {@code {type, sdp}}, {@code type} being {@code offer} or {@code answer}
	 * @return the {@code {type, sdp}} for the other app, with rtpengine's address and fingerprint
	 * @throws IllegalArgumentException when the SDP is neither an offer nor an answer
	 * @throws RuntimeException when rtpengine refuses it or does not answer
	 */
	Map<String, Object> sdp(String callId, boolean fromCaller, Map<String, Object> sdp);

}
