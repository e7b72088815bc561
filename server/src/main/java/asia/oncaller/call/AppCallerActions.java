package asia.oncaller.call;

import asia.oncaller.control.Scco;

/**
 * The actions of an app caller's SCCO that run before any {@code connect} (play, talk, input...;
 * docs/ivr.md, "App callers"): the server answers the caller's offer at rtpengine itself, runs
 * the actions on the caller's media, and a {@code connect} they reach rings the app user on the
 * same call ({@link ServerAnsweredAppCalls}). The {@code appivr} module provides it; without it
 * such an SCCO is refused as before (r=2).
 */
public interface AppCallerActions {

	/**
	 * The call was admitted to run {@code scco} once the caller's media is answered; the SCCO is
	 * kept on this node, the caller's, until then.
	 * @param callId the call's id, as its answer_url was told
	 * @param accountId whose greeting files it plays
	 * @param signingSecret signs its eventUrl requests
	 */
	void admitted(String callId, Scco scco, String accountId, String signingSecret);

	/**
	 * Answers the caller's offer (or re-offer) at rtpengine, the other side a placeholder that
	 * hears nothing, so that the actions can play to the caller.
	 * @param callId the call, whose id is also its id at rtpengine
	 * @param webRtcOffer the caller's offer
	 * @return the WebRTC answer for the caller, rtpengine as its only ICE candidate
	 * @throws RuntimeException when rtpengine refuses it or does not answer
	 */
	String answerCaller(String callId, String webRtcOffer);

	/**
	 * Digits the caller pressed ({@code call.dtmf}) while the actions run: they go to the
	 * running {@code input}, not to anybody else; dropped when this node does not run them.
	 */
	void digits(String callId, String digits);

}
