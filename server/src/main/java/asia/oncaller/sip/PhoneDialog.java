package asia.oncaller.sip;

import java.util.List;

import asia.oncaller.call.CallState;

/**
 * A phone leg as PostgreSQL holds it (table {@code phone_dialog}): the node that holds the leg
 * and, once the carrier's side is established, the dialog another node can send a BYE in. Read
 * with its call's state, which says whether the leg still has a call to serve.
 *
 * @param callId our call
 * @param nodeId the node whose SIP stack holds the leg
 * @param sipCallId the SIP Call-ID
 * @param mediaCallId rtpengine's call id for the leg's media
 * @param localUri our address in the dialog, or {@code null} before it is established
 * @param localTag our tag
 * @param remoteUri the carrier's address
 * @param remoteTag the carrier's tag
 * @param remoteTarget the carrier's Contact, where requests in the dialog go
 * @param routeSet the dialog's route set, in the order a request carries it
 * @param localCseq the CSeq of our last request in the dialog
 * @param transport the trunk's transport
 * @param status the call's state
 * @param sipCode the SIP code the call ended with, if any
 */
record PhoneDialog(String callId, String nodeId, String sipCallId, String mediaCallId, String localUri,
		String localTag, String remoteUri, String remoteTag, String remoteTarget, List<String> routeSet,
		long localCseq, String transport, CallState status, Integer sipCode) {

	/** Whether the carrier's side was established, so that a BYE can end it. */
	boolean established() {
		return this.remoteTarget != null;
	}

}
