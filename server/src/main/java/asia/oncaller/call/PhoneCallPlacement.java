package asia.oncaller.call;

import java.util.List;

/**
 * What became of a call that a phone party made to one of the account's numbers, in the terms
 * the SIP gateway answers the carrier in: refused (the outcome picks the SIP status), ended at
 * once by its SCCO or its connect (the SIP status and reason to answer), or ringing app devices
 * (the events to send once the leg is findable by its call).
 *
 * @param outcome the documented outcome; anything but OK refuses the INVITE
 * @param callId the call written, null when refused
 * @param sipCode the SIP status the call already ended with, null while it rings
 * @param reason the end reason that goes with {@code sipCode}
 * @param deliveries the events that ring the callee's devices with the phone's offer
 */
public record PhoneCallPlacement(CallOutcome outcome, String callId, Integer sipCode, String reason,
		List<Delivery> deliveries) {

	static PhoneCallPlacement refused(CallOutcome outcome) {
		return new PhoneCallPlacement(outcome, null, null, null, List.of());
	}

	/** Whether the call ended before any device rang, so the carrier hears {@link #sipCode()}. */
	public boolean endedAtOnce() {
		return this.sipCode != null;
	}

}
