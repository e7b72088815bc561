package asia.oncaller.sip;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import asia.oncaller.media.MediaBridge;

/**
 * The phone legs this node holds, by our call id and by SIP Call-ID. A SIP dialog lives in the
 * JAIN-SIP stack of the node that made or took it, so its leg lives here too; in a cluster,
 * PostgreSQL knows of it as well ({@link PhoneDialogs}).
 */
class PhoneLegs {

	private final Map<String, PhoneLeg> byCallId = new ConcurrentHashMap<>();

	private final Map<String, PhoneLeg> bySipCallId = new ConcurrentHashMap<>();

	private final Executor executor;

	private final MediaBridge media;

	private final PhoneDialogs dialogs;

	PhoneLegs(Executor executor, MediaBridge media, PhoneDialogs dialogs) {
		this.executor = executor;
		this.media = media;
		this.dialogs = dialogs;
	}

	/**
	 * A new outbound leg for the call, or empty when it has one already: the first SDP starts it,
	 * and two SDPs at once must not start two.
	 */
	Optional<PhoneLeg> startOutbound(String callId, String sipCallId) {
		PhoneLeg leg = new PhoneLeg(PhoneLeg.Direction.OUTBOUND, sipCallId, newTag(), this.executor);
		leg.callId = callId;
		if (this.byCallId.putIfAbsent(callId, leg) != null) {
			return Optional.empty();
		}
		this.bySipCallId.put(sipCallId, leg);
		return Optional.of(leg);
	}

	/** A new leg for a carrier's INVITE; its call id comes once the call is placed. */
	PhoneLeg inbound(String sipCallId) {
		PhoneLeg leg = new PhoneLeg(PhoneLeg.Direction.INBOUND, sipCallId, newTag(), this.executor);
		this.bySipCallId.put(sipCallId, leg);
		return leg;
	}

	/** Makes an inbound leg findable by the call it became. */
	void bind(PhoneLeg leg, String callId) {
		leg.callId = callId;
		this.byCallId.put(callId, leg);
	}

	Optional<PhoneLeg> byCallId(String callId) {
		return Optional.ofNullable(this.byCallId.get(callId));
	}

	Optional<PhoneLeg> bySipCallId(String sipCallId) {
		return Optional.ofNullable(this.bySipCallId.get(sipCallId));
	}

	/** Ends the leg: its media is released and, unless a final response is still to come, it is forgotten. */
	void end(PhoneLeg leg, boolean awaitingFinalResponse) {
		leg.cancelDeadline();
		if (leg.ivr != null) {
			leg.ivr.end();
		}
		try {
			if (!leg.isEnded()) {
				leg.state = PhoneLeg.State.ENDED;
				this.media.delete(leg.sipCallId);
			}
		}
		finally {
			if (!awaitingFinalResponse) {
				remove(leg);
			}
		}
	}

	/**
	 * Forgets a leg that has nothing more to do; in PostgreSQL first, so that no other node takes
	 * over a leg that is still here.
	 */
	void remove(PhoneLeg leg) {
		try {
			this.dialogs.forgotten(leg);
		}
		finally {
			// With PostgreSQL away the row stays, and its call's end makes this node send a
			// needless BYE later (481); the leg must go from memory all the same.
			this.bySipCallId.remove(leg.sipCallId, leg);
			if (leg.callId != null) {
				this.byCallId.remove(leg.callId, leg);
			}
		}
	}

	/** The calls of the legs this node holds. */
	Collection<String> callIds() {
		return List.copyOf(this.byCallId.keySet());
	}

	private static String newTag() {
		return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
	}

}
