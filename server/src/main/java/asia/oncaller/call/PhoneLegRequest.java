package asia.oncaller.call;

/**
 * What the app's side of a phone call asks of its phone leg, when the leg sits on another node of
 * the cluster than the one that heard it (docs/cluster.md): the node holding the leg gets it
 * through {@link NodeMailbox} and publishes it as an application event, which the SIP side acts
 * on as if it had heard it itself.
 *
 * @param callId the call whose leg it is for
 * @param action what the leg is to do
 * @param body the SDP of an offer or answer, the digits of DTMF, else {@code null}
 */
public record PhoneLegRequest(String callId, Action action, String body) {

	/** What the leg is to do. */
	public enum Action {

		/** The app re-offers (hold, unhold): a re-INVITE. */
		OFFER,

		/** The answering device's (or a transfer target's) SDP answer: the 200 OK. */
		ANSWER,

		/** The app's digits toward the phone. */
		DTMF,

		/** A device rings: 180 Ringing. */
		RINGING,

		/** A device answered: its SDP answer must follow in time. */
		ANSWERED,

		/** The app leg moved to another user: the phone's media is offered to them. */
		TRANSFERRED

	}

}
