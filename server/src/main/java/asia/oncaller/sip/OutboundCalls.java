package asia.oncaller.sip;

import java.util.Map;

import javax.sip.ClientTransaction;
import javax.sip.ResponseEvent;
import javax.sip.SipStack;
import javax.sip.header.CSeqHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import asia.oncaller.call.PhoneCallService;
import asia.oncaller.media.MediaBridge;
import asia.oncaller.trunks.SipTrunkRepository;
import gov.nist.javax.sip.SipStackExt;
import gov.nist.javax.sip.clientauthutils.AuthenticationHelper;
import gov.nist.javax.sip.clientauthutils.UserCredentials;

/**
 * App-to-phone calls: the INVITE to the carrier once the app caller's offer is there, and what
 * the carrier's responses do to the call (PROTOCOL §3.2 codes with the SIP code and reason).
 */
class OutboundCalls {

	/** Seconds JAIN-SIP keeps a trunk's digest credentials for the next request of the dialog. */
	private static final int AUTH_CACHE_SECONDS = 5;

	private final SipEndpoint endpoint;

	private final SipMessages messages;

	private final PhoneLegs legs;

	private final MediaBridge media;

	private final PhoneCallService calls;

	private final SipTrunkRepository trunks;

	private final PhoneDialogs dialogs;

	OutboundCalls(SipEndpoint endpoint, SipMessages messages, PhoneLegs legs, MediaBridge media,
			PhoneCallService calls, SipTrunkRepository trunks, PhoneDialogs dialogs) {
		this.dialogs = dialogs;
		this.endpoint = endpoint;
		this.messages = messages;
		this.legs = legs;
		this.media = media;
		this.calls = calls;
		this.trunks = trunks;
	}

	/** Dials the number through the call's trunk with the app caller's offer, bridged to plain RTP. */
	void dial(PhoneLeg leg, Dial dial) throws Exception {
		if (leg.isEnded()) {
			this.legs.remove(leg);
			return;
		}
		leg.trunk = this.trunks.findById(dial.trunkId()).map(PhoneLeg.Trunk::of).orElse(null);
		if (leg.trunk == null || "tls".equals(leg.trunk.transport())) {
			fail(leg, Response.SERVICE_UNAVAILABLE, "Trunk unavailable");
			return;
		}
		this.calls.sipCallId(leg.callId, leg.sipCallId);
		this.dialogs.started(leg);
		try {
			leg.localSdp = this.media.offerToPhone(leg.sipCallId, leg.localTag, dial.sdp());
			Request invite = this.messages.invite(leg, dial.fromNumber(), dial.fromAlias(), dial.toNumber(),
					leg.localSdp);
			send(leg, this.endpoint.provider().getNewClientTransaction(invite));
		}
		catch (RuntimeException | javax.sip.SipException ex) {
			fail(leg, Response.SERVICE_UNAVAILABLE, "Service Unavailable");
			throw ex;
		}
	}

	/** A response to an INVITE the server sent on the leg: the first one, or a re-INVITE. */
	void inviteResponse(PhoneLeg leg, ResponseEvent event) throws Exception {
		Response response = event.getResponse();
		int code = response.getStatusCode();
		CSeqHeader cseq = SipMessages.cseq(response);
		if (leg.state == PhoneLeg.State.CONFIRMED || leg.direction == PhoneLeg.Direction.INBOUND) {
			reinviteResponse(leg, event, cseq.getSeqNumber());
		}
		else if (leg.isEnded()) {
			endedResponse(leg, event);
		}
		else if (code < 200) {
			provisional(leg, code, response.getReasonPhrase());
		}
		else if (code < 300) {
			answered(leg, event);
		}
		else if ((code == Response.UNAUTHORIZED || code == Response.PROXY_AUTHENTICATION_REQUIRED)
				&& leg.trunk.hasCredentials() && !leg.challenged) {
			authenticate(leg, event);
		}
		else {
			this.legs.end(leg, false);
			this.calls.failed(leg.callId, code, response.getReasonPhrase());
		}
	}

	/** The INVITE got no response at all: the carrier is unreachable. */
	void timedOut(PhoneLeg leg) {
		if (leg.state == PhoneLeg.State.SETUP || leg.state == PhoneLeg.State.EARLY) {
			this.legs.end(leg, false);
			this.calls.failed(leg.callId, Response.REQUEST_TIMEOUT, "Request Timeout");
		}
		else if (leg.isEnded()) {
			this.legs.remove(leg);
		}
	}

	/** The call ended on the app's side: cancel the INVITE before an answer, hang up after one. */
	void hangUp(PhoneLeg leg) throws Exception {
		if (leg.state == PhoneLeg.State.CONFIRMED) {
			this.messages.bye(leg);
			this.legs.end(leg, false);
		}
		else if (leg.state == PhoneLeg.State.EARLY) {
			sendCancel(leg);
			this.legs.end(leg, true);
		}
		else if (leg.state == PhoneLeg.State.SETUP) {
			// RFC 3261 §9.1: no CANCEL before a provisional response; the first one sends it.
			leg.cancelWanted = true;
			this.legs.end(leg, leg.invite != null);
		}
	}

	private void provisional(PhoneLeg leg, int code, String reason) {
		leg.state = PhoneLeg.State.EARLY;
		if (code == Response.TRYING) {
			if (!leg.tryingReported) {
				leg.tryingReported = true;
				this.calls.trying(leg.callId, code, reason);
			}
		}
		else if (code == Response.RINGING || code == Response.SESSION_PROGRESS) {
			this.calls.ringing(leg.callId, code, reason);
		}
	}

	private void answered(PhoneLeg leg, ResponseEvent event) throws Exception {
		Response response = event.getResponse();
		leg.dialog = event.getDialog();
		leg.remoteTag = SipMessages.toTag(response);
		leg.inviteCSeq = SipMessages.cseq(response).getSeqNumber();
		ack(event);
		leg.state = PhoneLeg.State.CONFIRMED;
		this.dialogs.confirmed(leg);
		leg.remoteSdp = SipMessages.body(response);
		String answer = this.media.answerFromPhone(leg.sipCallId, leg.localTag, leg.remoteTag, leg.remoteSdp);
		if (!this.calls.answered(leg.callId, response.getStatusCode(), Map.of("type", "answer", "sdp", answer))) {
			// The call ended on the app's side while the answer was on its way.
			this.messages.bye(leg);
			this.legs.end(leg, false);
		}
	}

	/** A response that arrives after the app ended the call: finish what SIP still requires. */
	private void endedResponse(PhoneLeg leg, ResponseEvent event) throws Exception {
		int code = event.getResponse().getStatusCode();
		if (code < 200) {
			if (leg.cancelWanted) {
				leg.cancelWanted = false;
				sendCancel(leg);
			}
		}
		else if (code < 300) {
			leg.dialog = event.getDialog();
			ack(event);
			this.messages.bye(leg);
			this.legs.remove(leg);
		}
		else {
			this.legs.remove(leg);
		}
	}

	private void reinviteResponse(PhoneLeg leg, ResponseEvent event, long cseq) throws Exception {
		Response response = event.getResponse();
		int code = response.getStatusCode();
		if (code < 200) {
			return;
		}
		if (code < 300) {
			// A retransmitted 2xx to the first INVITE needs its ACK again, like a re-INVITE's 2xx.
			ack(event);
		}
		if (cseq != leg.reofferCSeq || leg.isEnded()) {
			return;
		}
		leg.reofferCSeq = 0;
		if (code < 300) {
			String answer = this.media.answerFromPhone(leg.sipCallId, leg.localTag, leg.remoteTag,
					SipMessages.body(response));
			this.calls.sdp(leg.callId, Map.of("type", "answer", "sdp", answer));
		}
	}

	private void authenticate(PhoneLeg leg, ResponseEvent event) throws Exception {
		leg.challenged = true;
		PhoneLeg.Trunk trunk = leg.trunk;
		UserCredentials credentials = new UserCredentials() {
			@Override
			public String getUserName() {
				return trunk.username();
			}

			@Override
			public String getPassword() {
				return trunk.password();
			}

			@Override
			public String getSipDomain() {
				return trunk.host();
			}
		};
		SipStack stack = this.endpoint.stack();
		AuthenticationHelper helper = ((SipStackExt) stack)
			.getAuthenticationHelper((transaction, realm) -> credentials, this.endpoint.headers());
		send(leg, helper.handleChallenge(event.getResponse(), event.getClientTransaction(),
				this.endpoint.provider(), AUTH_CACHE_SECONDS));
	}

	private void send(PhoneLeg leg, ClientTransaction invite) throws javax.sip.SipException {
		leg.invite = invite;
		leg.dialog = invite.getDialog();
		invite.sendRequest();
	}

	private void ack(ResponseEvent event) throws Exception {
		long cseq = SipMessages.cseq(event.getResponse()).getSeqNumber();
		event.getDialog().sendAck(event.getDialog().createAck(cseq));
	}

	private void sendCancel(PhoneLeg leg) throws javax.sip.SipException {
		Request cancel = leg.invite.createCancel();
		this.endpoint.provider().getNewClientTransaction(cancel).sendRequest();
	}

	private void fail(PhoneLeg leg, int code, String reason) {
		this.legs.end(leg, false);
		this.calls.failed(leg.callId, code, reason);
	}

	/** What the app caller's call says to dial, read when its first offer arrives. */
	record Dial(String trunkId, String fromNumber, String fromAlias, String toNumber, String sdp) {
	}

}
