package asia.oncaller.sip;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import javax.sip.SipProvider;

import asia.oncaller.call.Call;
import asia.oncaller.call.CallDirection;
import asia.oncaller.call.PhoneNetwork;

/**
 * The app's side of phone legs: its SDP dials, renegotiates or answers; its DTMF goes to the
 * carrier. Each leg does the work in its own order, off the caller's thread.
 */
class SipPhoneNetwork implements PhoneNetwork {

	private final SipEndpoint endpoint;

	private final PhoneLegs legs;

	private final OutboundCalls outbound;

	private final InboundCalls inbound;

	private final DialogRequests dialogs;

	SipPhoneNetwork(SipEndpoint endpoint, PhoneLegs legs, OutboundCalls outbound, InboundCalls inbound,
			DialogRequests dialogs) {
		this.endpoint = endpoint;
		this.legs = legs;
		this.outbound = outbound;
		this.inbound = inbound;
		this.dialogs = dialogs;
	}

	@Override
	public void sdp(Call call, Map<String, Object> sdp) {
		String type = String.valueOf(sdp.get("type"));
		String body = String.valueOf(sdp.get("sdp"));
		Optional<PhoneLeg> existing = this.legs.byCallId(call.getId());
		if (existing.isEmpty() && "offer".equals(type) && call.getDirection() == CallDirection.APP_TO_PHONE) {
			OutboundCalls.Dial dial = new OutboundCalls.Dial(call.phoneLine().trunkId(), call.parties().fromNumber(),
					call.parties().fromAlias(), call.parties().toNumber(), body);
			SipProvider provider = this.endpoint.provider();
			Optional<PhoneLeg> started = this.legs.startOutbound(call.getId(), provider.getNewCallId().getCallId());
			if (started.isPresent()) {
				PhoneLeg leg = started.get();
				leg.run(() -> this.outbound.dial(leg, dial));
				return;
			}
			existing = this.legs.byCallId(call.getId());
		}
		existing.ifPresent((leg) -> leg.run(() -> {
			if ("offer".equals(type)) {
				this.dialogs.reoffer(leg, body);
			}
			else if (leg.transferring) {
				this.dialogs.transferAnswered(leg, body);
			}
			else if (leg.direction == PhoneLeg.Direction.INBOUND) {
				this.inbound.answer(leg, body);
			}
		}));
	}

	@Override
	public Collection<String> liveCallIds() {
		return this.legs.callIds();
	}

	@Override
	public void dtmf(Call call, String digits) {
		this.legs.byCallId(call.getId()).ifPresent((leg) -> leg.run(() -> this.dialogs.dtmf(leg, digits)));
	}

}
