package asia.oncaller.sip;

import asia.oncaller.call.CallDirection;
import asia.oncaller.call.CallLifecycleEvent;
import asia.oncaller.call.CallState;
import asia.oncaller.call.CallSnapshot;
import asia.oncaller.call.PhoneLegRequest.Action;
import asia.oncaller.media.RtpDtmfReceived;

import org.springframework.context.event.EventListener;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * What happens to a call on the app's side reaches its phone leg once committed: a device
 * ringing is the carrier's 180, the app's answer starts the wait for its SDP, and an ending (hangup, reject, timeout, money, lost connection)
 * is a CANCEL, a BYE or the final response, whoever or whatever ended the call; a transfer
 * offers the phone's media to the new user. A leg on another node gets them through
 * {@link PhoneLegRequests} (an ending it sees itself, {@link PhoneLegTakeover}). And the phone's
 * RFC 4733 digits reach the app.
 */
class PhoneLegEvents {

	private final PhoneLegs legs;

	private final OutboundCalls outbound;

	private final InboundCalls inbound;

	private final DialogRequests dialogs;

	private final PhoneLegRequests requests;

	PhoneLegEvents(PhoneLegs legs, OutboundCalls outbound, InboundCalls inbound, DialogRequests dialogs,
			PhoneLegRequests requests) {
		this.legs = legs;
		this.outbound = outbound;
		this.inbound = inbound;
		this.dialogs = dialogs;
		this.requests = requests;
	}

	/** A digit the phone party pressed, seen by the media bridge as an RFC 4733 event. */
	@EventListener
	void on(RtpDtmfReceived dtmf) {
		this.legs.bySipCallId(dtmf.callId())
			.filter((leg) -> dtmf.tag().equals(leg.remoteTag))
			.ifPresent((leg) -> leg.run(() -> {
				if (!leg.isEnded()) {
					this.dialogs.digit(leg, dtmf.digit());
				}
			}));
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(CallLifecycleEvent event) {
		CallSnapshot call = event.call();
		if (!call.hasPhoneLeg()) {
			return;
		}
		if (event instanceof CallLifecycleEvent.Ringing && call.direction() == CallDirection.PHONE_TO_APP) {
			this.requests.send(call.id(), Action.RINGING, null);
		}
		else if (event instanceof CallLifecycleEvent.Answered && call.direction() == CallDirection.PHONE_TO_APP) {
			this.requests.send(call.id(), Action.ANSWERED, null);
		}
		else if (event instanceof CallLifecycleEvent.Transferred) {
			this.requests.send(call.id(), Action.TRANSFERRED, null);
		}
		else if (event instanceof CallLifecycleEvent.Ended ended) {
			this.legs.byCallId(call.id())
				.ifPresent((leg) -> leg.run(() -> hangUp(leg, ended.call().status(), ended.sipCode())));
		}
	}

	/**
	 * The leg's call ended, here or on another node ({@link PhoneLegTakeover}): a CANCEL, a BYE or
	 * the final response, once. Runs on the leg's own thread.
	 */
	void hangUp(PhoneLeg leg, CallState status, Integer sipCode) throws Exception {
		if (leg.isEnded()) {
			return;
		}
		if (leg.direction == PhoneLeg.Direction.OUTBOUND) {
			this.outbound.hangUp(leg);
		}
		else {
			this.inbound.hangUp(leg, status, sipCode);
		}
	}

}
