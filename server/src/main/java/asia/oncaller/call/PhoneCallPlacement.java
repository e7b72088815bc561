package asia.oncaller.call;

import java.util.List;

import asia.oncaller.control.Scco;
import asia.oncaller.tenant.CallingProject;

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
 * @param scco the SCCO whose actions the server runs before any connect, or {@code null}
 * @param project the project of such an SCCO, whose secret signs its eventUrl requests
 */
public record PhoneCallPlacement(CallOutcome outcome, String callId, Integer sipCode, String reason,
		List<Delivery> deliveries, Scco scco, CallingProject project) {

	static PhoneCallPlacement refused(CallOutcome outcome) {
		return new PhoneCallPlacement(outcome, null, null, null, List.of(), null, null);
	}

	static PhoneCallPlacement runsFirst(String callId, Scco scco, CallingProject project) {
		return new PhoneCallPlacement(CallOutcome.OK, callId, null, null, List.of(), scco, project);
	}

	/**
	 * Whether nothing is placed yet: the server answers the phone and runs {@link #scco()}'s
	 * actions, {@link #callId()} being the id the answer_url was told.
	 */
	public boolean runsFirst() {
		return this.scco != null;
	}

	/** Whether the call ended before any device rang, so the carrier hears {@link #sipCode()}. */
	public boolean endedAtOnce() {
		return this.sipCode != null;
	}

}
