package asia.oncaller.call;

import java.util.Collection;
import java.util.Map;

/**
 * The phone side of calls to and from phone numbers: a SIP leg through the call's trunk, with its
 * media bridged to the app leg. The sip module provides it; without it, calls to phone numbers
 * end at once with 503. Methods return at once: the work happens in the call's own order on the
 * phone network's threads, and its outcomes come back through {@link PhoneCallService}. It also
 * hears every {@link CallLifecycleEvent} once committed: an ending hangs the phone leg up, a
 * transfer makes it offer its media to the new user.
 */
public interface PhoneNetwork {

	/**
	 * The app leg's SDP ({@code {type, sdp}}) for the phone leg: the caller's first offer dials
	 * the number, later offers renegotiate (hold, unhold), and the answering device's answer
	 * answers an incoming phone call.
	 */
	void sdp(Call call, Map<String, Object> sdp);

	/** Sends DTMF digits ({@code 0-9*#A-D}) to the phone party, in the way the trunk is set to. */
	void dtmf(Call call, String digits);

	/** The calls whose phone legs this node holds. */
	Collection<String> liveCallIds();

}
