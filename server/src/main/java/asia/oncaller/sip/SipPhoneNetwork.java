package asia.oncaller.sip;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import javax.sip.SipProvider;

import asia.oncaller.call.Call;
import asia.oncaller.call.CallDirection;
import asia.oncaller.call.PhoneLegRequest.Action;
import asia.oncaller.call.PhoneNetwork;

/**
 * The app's side of phone legs: its SDP dials, renegotiates or answers; its DTMF goes to the
 * carrier. Each leg does the work in its own order, off the caller's thread, on the node that
 * holds it ({@link PhoneLegRequests}); a call to a phone whose leg no node holds yet is dialled
 * from this node.
 */
class SipPhoneNetwork implements PhoneNetwork {

	private final SipEndpoint endpoint;

	private final PhoneLegs legs;

	private final OutboundCalls outbound;

	private final PhoneLegRequests requests;

	SipPhoneNetwork(SipEndpoint endpoint, PhoneLegs legs, OutboundCalls outbound, PhoneLegRequests requests) {
		this.endpoint = endpoint;
		this.legs = legs;
		this.outbound = outbound;
		this.requests = requests;
	}

	@Override
	public void sdp(Call call, Map<String, Object> sdp) {
		String type = String.valueOf(sdp.get("type"));
		String body = String.valueOf(sdp.get("sdp"));
		Action action = "offer".equals(type) ? Action.OFFER : Action.ANSWER;
		if (action == Action.OFFER && call.getDirection() == CallDirection.APP_TO_PHONE
				&& this.legs.byCallId(call.getId()).isEmpty()) {
			if (this.requests.sentToItsNode(call.getId(), action, body)) {
				// The caller's device moved: another node dialled, and this offer is a re-offer.
				return;
			}
			OutboundCalls.Dial dial = new OutboundCalls.Dial(call.phoneLine().trunkId(), call.parties().fromNumber(),
					call.parties().fromAlias(), call.parties().toNumber(), body);
			SipProvider provider = this.endpoint.provider();
			Optional<PhoneLeg> started = this.legs.startOutbound(call.getId(), provider.getNewCallId().getCallId());
			if (started.isPresent()) {
				PhoneLeg leg = started.get();
				leg.run(() -> this.outbound.dial(leg, dial));
				return;
			}
		}
		this.requests.send(call.getId(), action, body);
	}

	@Override
	public Collection<String> liveCallIds() {
		return this.legs.callIds();
	}

	@Override
	public void dtmf(Call call, String digits) {
		this.requests.send(call.getId(), Action.DTMF, digits);
	}

}
