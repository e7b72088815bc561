package asia.oncaller.sip;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sip.ClientTransaction;
import javax.sip.ServerTransaction;
import javax.sip.message.Request;
import javax.sip.message.Response;

import asia.oncaller.call.PhoneCallService;
import asia.oncaller.media.MediaBridge;
import asia.oncaller.trunks.DtmfMode;

/**
 * Requests inside an established dialog, whichever side set it up: the carrier's BYE, INFO and
 * re-INVITE, and the app's re-offers (hold, unhold) and DTMF toward the carrier.
 */
class DialogRequests {

	/** The {@code Signal=} line of an {@code application/dtmf-relay} body. */
	private static final Pattern SIGNAL = Pattern.compile("(?im)^\\s*Signal\\s*=\\s*([0-9*#A-D])\\s*$");

	private final SipEndpoint endpoint;

	private final SipMessages messages;

	private final PhoneLegs legs;

	private final MediaBridge media;

	private final PhoneCallService calls;

	private final Duration dtmfDuration;

	private final PhoneDialogs dialogs;

	DialogRequests(SipEndpoint endpoint, SipMessages messages, PhoneLegs legs, MediaBridge media,
			PhoneCallService calls, Duration dtmfDuration, PhoneDialogs dialogs) {
		this.dialogs = dialogs;
		this.endpoint = endpoint;
		this.messages = messages;
		this.legs = legs;
		this.media = media;
		this.calls = calls;
		this.dtmfDuration = dtmfDuration;
	}

	/** A request from the carrier in the leg's dialog. */
	void request(PhoneLeg leg, ServerTransaction transaction) throws Exception {
		Request request = transaction.getRequest();
		switch (request.getMethod()) {
			case Request.BYE -> {
				try {
					transaction.sendResponse(this.messages.response(request, Response.OK, null, null));
				}
				finally {
					// The phone has hung up even when its connection is gone before the 200 goes out.
					if (!leg.isEnded()) {
						this.legs.end(leg, false);
						if (leg.callId != null) {
							this.calls.hungUp(leg.callId);
						}
					}
				}
			}
			case Request.INFO -> {
				transaction.sendResponse(this.messages.response(request, Response.OK, null, null));
				Matcher signal = SIGNAL.matcher(String.valueOf(SipMessages.body(request)));
				if (signal.find() && !leg.isEnded()) {
					digit(leg, signal.group(1).toUpperCase().charAt(0));
				}
			}
			// A carrier's re-INVITE is mostly a session refresh: it gets the session as it is.
			case Request.INVITE -> transaction
				.sendResponse(this.messages.ok(request, null, leg.trunk.transport(), leg.localSdp));
			default -> transaction.sendResponse(this.messages.response(request, Response.NOT_IMPLEMENTED, null, null));
		}
	}

	/**
	 * A digit the phone pressed (SIP INFO or RFC 4733): to the SCCO that collects it while one
	 * runs, else to the app.
	 */
	void digit(PhoneLeg leg, char digit) {
		if (leg.ivr != null) {
			leg.ivr.digit(digit);
		}
		else if (leg.callId != null) {
			this.calls.dtmf(leg.callId, String.valueOf(digit));
		}
	}

	/** The app re-offers during the call (hold, unhold): a re-INVITE carries it to the carrier. */
	void reoffer(PhoneLeg leg, String webRtcOffer) throws Exception {
		if (leg.state != PhoneLeg.State.CONFIRMED) {
			return;
		}
		leg.localSdp = this.media.offerToPhone(leg.sipCallId, leg.localTag, webRtcOffer);
		Request reinvite = this.messages.inDialog(leg, Request.INVITE, this.messages.sdpType(), leg.localSdp);
		leg.reofferCSeq = SipMessages.cseq(reinvite).getSeqNumber();
		ClientTransaction transaction = this.endpoint.provider().getNewClientTransaction(reinvite);
		leg.dialog.sendRequest(transaction);
		this.dialogs.sent(leg);
	}

	/** The app's DTMF toward the carrier, as its trunk is set to carry it. */
	void dtmf(PhoneLeg leg, String digits) throws Exception {
		if (leg.state != PhoneLeg.State.CONFIRMED) {
			return;
		}
		if (leg.trunk.dtmfMode() == DtmfMode.RFC4733) {
			this.media.playDtmf(leg.sipCallId, leg.localTag, digits);
			return;
		}
		for (char digit : digits.toCharArray()) {
			String body = "Signal=" + digit + "\r\nDuration=" + this.dtmfDuration.toMillis() + "\r\n";
			Request info = this.messages.inDialog(leg, Request.INFO, this.messages.dtmfRelayType(), body);
			leg.dialog.sendRequest(this.endpoint.provider().getNewClientTransaction(info));
		}
		this.dialogs.sent(leg);
	}

	/**
	 * The call's app leg moved to another user: the carrier's media is offered to them afresh,
	 * while the carrier's side of the bridge, and so the carrier, stays as it is.
	 */
	void transfer(PhoneLeg leg) {
		if (leg.state != PhoneLeg.State.CONFIRMED) {
			return;
		}
		String offer = this.media.offerToApp(leg.sipCallId, leg.remoteTag, leg.remoteSdp);
		leg.transferring = true;
		this.calls.ringTransferTarget(leg.callId, Map.of("type", "offer", "sdp", offer));
	}

	/** The transfer target's answer completes the bridge toward them; the carrier hears nothing of it. */
	void transferAnswered(PhoneLeg leg, String webRtcAnswer) {
		leg.transferring = false;
		this.media.answerFromApp(leg.sipCallId, leg.remoteTag, leg.localTag, webRtcAnswer);
	}

}
