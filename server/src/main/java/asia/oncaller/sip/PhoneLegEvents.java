package asia.oncaller.sip;

import asia.oncaller.call.Call;
import asia.oncaller.call.CallDirection;
import asia.oncaller.call.CallLifecycleEvent;

import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * What happens to a call on the app's side reaches its phone leg once committed: a device
 * ringing is the carrier's 180, and an ending (hangup, reject, timeout, money, lost connection)
 * is a CANCEL, a BYE or the final response, whoever or whatever ended the call; a transfer
 * offers the phone's media to the new user.
 */
class PhoneLegEvents {

	private final PhoneLegs legs;

	private final OutboundCalls outbound;

	private final InboundCalls inbound;

	private final DialogRequests dialogs;

	PhoneLegEvents(PhoneLegs legs, OutboundCalls outbound, InboundCalls inbound, DialogRequests dialogs) {
		this.legs = legs;
		this.outbound = outbound;
		this.inbound = inbound;
		this.dialogs = dialogs;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(CallLifecycleEvent event) {
		Call call = event.call();
		if (call.getTrunkId() == null) {
			return;
		}
		if ("ringing".equals(event.type()) && call.getDirection() == CallDirection.PHONE_TO_APP) {
			this.legs.byCallId(call.getId()).ifPresent((leg) -> leg.run(() -> this.inbound.ringing(leg)));
		}
		else if ("transferred".equals(event.type())) {
			this.legs.byCallId(call.getId()).ifPresent((leg) -> leg.run(() -> this.dialogs.transfer(leg)));
		}
		else if ("ended".equals(event.type())) {
			this.legs.byCallId(call.getId()).ifPresent((leg) -> leg.run(() -> {
				if (leg.isEnded()) {
					return;
				}
				if (leg.direction == PhoneLeg.Direction.OUTBOUND) {
					this.outbound.hangUp(leg);
				}
				else {
					this.inbound.hangUp(leg, call);
				}
			}));
		}
	}

}
