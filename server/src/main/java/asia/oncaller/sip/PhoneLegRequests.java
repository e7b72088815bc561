package asia.oncaller.sip;

import java.util.Optional;

import asia.oncaller.call.NodeMailbox;
import asia.oncaller.call.PhoneLegRequest;
import asia.oncaller.call.PhoneLegRequest.Action;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;

/**
 * What the app's side asks of a phone leg (its SDP, its DTMF, a device ringing or answering, a
 * transfer), done on the leg wherever it is: on its own thread when this node holds it, else sent
 * to the node that does (docs/sip.md "Phone legs in a cluster"), which does it on receipt. A
 * request for a leg no node holds (not started yet, or gone) is dropped, as on one node.
 */
class PhoneLegRequests {

	private final PhoneLegs legs;

	private final InboundCalls inbound;

	private final DialogRequests dialogs;

	private final PhoneDialogs held;

	private final ObjectProvider<NodeMailbox> mail;

	PhoneLegRequests(PhoneLegs legs, InboundCalls inbound, DialogRequests dialogs, PhoneDialogs held,
			ObjectProvider<NodeMailbox> mail) {
		this.legs = legs;
		this.inbound = inbound;
		this.dialogs = dialogs;
		this.held = held;
		this.mail = mail;
	}

	/** Does it on the call's leg, here or on the node that holds it. */
	void send(String callId, Action action, String body) {
		Optional<PhoneLeg> leg = this.legs.byCallId(callId);
		if (leg.isPresent()) {
			run(leg.get(), action, body);
		}
		else {
			sentToItsNode(callId, action, body);
		}
	}

	/**
	 * Sends it to the node holding the call's leg, if that is another node; whether it did. One
	 * query, only in a cluster.
	 */
	boolean sentToItsNode(String callId, Action action, String body) {
		Optional<String> node = this.held.otherNodeHolding(callId);
		node.ifPresent((holder) -> this.mail.getObject().send(holder, new PhoneLegRequest(callId, action, body)));
		return node.isPresent();
	}

	/** Another node heard it for a leg this node holds. */
	@EventListener
	void on(PhoneLegRequest request) {
		this.legs.byCallId(request.callId()).ifPresent((leg) -> run(leg, request.action(), request.body()));
	}

	private void run(PhoneLeg leg, Action action, String body) {
		leg.run(() -> {
			switch (action) {
				case OFFER -> this.dialogs.reoffer(leg, body);
				case ANSWER -> answer(leg, body);
				case DTMF -> this.dialogs.dtmf(leg, body);
				case RINGING -> this.inbound.ringing(leg);
				case ANSWERED -> this.inbound.appAnswered(leg);
				case TRANSFERRED -> this.dialogs.transfer(leg);
			}
		});
	}

	private void answer(PhoneLeg leg, String body) throws Exception {
		if (leg.transferring) {
			this.dialogs.transferAnswered(leg, body);
		}
		else if (leg.direction == PhoneLeg.Direction.INBOUND) {
			this.inbound.answer(leg, body);
		}
	}

}
