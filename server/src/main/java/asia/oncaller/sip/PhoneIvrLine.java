package asia.oncaller.sip;

import asia.oncaller.control.CallControlDecision;
import asia.oncaller.ivr.IvrLine;

/**
 * A carrier's call that the server answered itself, as the SCCO runner sees it: rtpengine's call
 * is the SIP Call-ID, the party hearing and pressing is the carrier's tag, and what ends or
 * connects the call runs on the leg's own thread, in order with its SIP messages.
 */
class PhoneIvrLine implements IvrLine {

	private final PhoneLeg leg;

	private final InboundCalls inbound;

	PhoneIvrLine(PhoneLeg leg, InboundCalls inbound) {
		this.leg = leg;
		this.inbound = inbound;
	}

	@Override
	public String mediaCallId() {
		return this.leg.sipCallId;
	}

	@Override
	public String partyTag() {
		return this.leg.remoteTag;
	}

	@Override
	public void hangUp() {
		this.leg.run(() -> this.inbound.hangUpAfterActions(this.leg));
	}

	@Override
	public void connect(CallControlDecision.Connect decision) {
		this.leg.run(() -> this.inbound.connectAfterActions(this.leg, decision));
	}

}
