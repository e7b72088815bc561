package asia.oncaller.call;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import asia.oncaller.call.CallParties.Role;
import asia.oncaller.control.Scco;

/**
 * Something happened to a call that other modules hear about: the customer's event_url (through
 * the webhook outbox) and the phone leg of a call through a SIP trunk. Published inside the
 * transaction that made it happen, so that listeners can store it atomically with the change or
 * act once it commits. Each kind is a record of its own; listeners tell them apart by type, and
 * every one carries a read-only {@link CallSnapshot}.
 */
public sealed interface CallLifecycleEvent {

	/** The call as the change left it. */
	CallSnapshot call();

	/** The event's name on the customer's event_url ({@code created}, {@code ringing}, ...). */
	String name();

	/** What this kind adds to the call's own fields, by the event_url's field names. */
	default Map<String, Object> details() {
		return Map.of();
	}

	/** Where this event goes instead of the call's event_url, or {@code null} for the call's. */
	default String eventUrl() {
		return null;
	}

	/**
	 * The call was placed (it may already be final when nobody could be reached).
	 * @param scco the SCCO it was placed with, for the actions around its connect
	 */
	record Created(CallSnapshot call, Scco scco) implements CallLifecycleEvent {

		@Override
		public String name() {
			return "created";
		}

	}

	/** A device of the callee, or the phone, rings. */
	record Ringing(CallSnapshot call) implements CallLifecycleEvent {

		@Override
		public String name() {
			return "ringing";
		}

	}

	/** The callee answered. */
	record Answered(CallSnapshot call) implements CallLifecycleEvent {

		@Override
		public String name() {
			return "answered";
		}

	}

	/**
	 * The call ended and its record is written.
	 * @param endReason why, as the record says
	 * @param sipCode the SIP status that ended it, or {@code null}
	 * @param durationSeconds from placing to ending
	 * @param answerDurationSeconds from answering to ending; 0 when never answered
	 * @param endedBy {@code caller}, {@code callee} or {@code server}
	 * @param billedSeconds the answered time billed, as the call's record has it (0 when never answered)
	 * @param cost what was charged, as the call's record has it: 0 when nothing was billed or the
	 * call is unpriced
	 * @param currency the cost's currency, or {@code null}
	 */
	record Ended(CallSnapshot call, String endReason, Integer sipCode, long durationSeconds,
			long answerDurationSeconds, String endedBy, Integer billedSeconds, BigDecimal cost,
			String currency) implements CallLifecycleEvent {

		static Ended of(Call call, Role endedBy) {
			Instant answeredAt = call.timing().answeredAt();
			return new Ended(CallSnapshot.of(call), call.getEndReason(), call.getSipCode(),
					seconds(call.timing().createdAt(), call.timing().endedAt()),
					(answeredAt != null) ? seconds(answeredAt, call.timing().endedAt()) : 0, switch (endedBy) {
						case CALLER -> "caller";
						case CALLEE -> "callee";
						case NONE -> "server";
					}, call.money().billedSeconds(), call.money().cost(), call.money().currency());
		}

		private static long seconds(Instant from, Instant to) {
			return Duration.between(from, to).toSeconds();
		}

		@Override
		public String name() {
			return "ended";
		}

		@Override
		public Map<String, Object> details() {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("endReason", this.endReason);
			details.put("sipCode", this.sipCode);
			details.put("duration", this.durationSeconds);
			details.put("answerDuration", this.answerDurationSeconds);
			details.put("endedBy", this.endedBy);
			details.put("billedSeconds", this.billedSeconds);
			details.put("cost", this.cost);
			details.put("currency", this.currency);
			return details;
		}

	}

	/**
	 * A party sent DTMF.
	 * @param digits what was pressed
	 * @param from {@code caller} or {@code callee}
	 */
	record Dtmf(CallSnapshot call, String digits, String from) implements CallLifecycleEvent {

		static Dtmf of(Call call, String digits, Role sender) {
			return new Dtmf(CallSnapshot.of(call), digits, (sender == Role.CALLER) ? "caller" : "callee");
		}

		@Override
		public String name() {
			return "dtmf";
		}

		@Override
		public Map<String, Object> details() {
			return Map.of("digits", this.digits, "from", this.from);
		}

	}

	/**
	 * The app leg moved to another user, or a phone call's actions reached their connect.
	 * @param fromUserId the user who transferred it, {@code null} after the actions
	 * @param toUserId the user it now rings
	 */
	record Transferred(CallSnapshot call, String fromUserId, String toUserId) implements CallLifecycleEvent {

		@Override
		public String name() {
			return "transferred";
		}

		@Override
		public Map<String, Object> details() {
			return (this.fromUserId != null) ? Map.of("fromUserId", this.fromUserId, "toUserId", this.toUserId)
					: Map.of("toUserId", this.toUserId);
		}

	}

	/**
	 * The onFailEventUrl gave the call a new callee (continueOnFail).
	 * @param failReason why the previous callee failed
	 * @param previousTo who that callee was
	 */
	record Retargeted(CallSnapshot call, String failReason, CallSnapshot.Endpoint previousTo)
			implements CallLifecycleEvent {

		@Override
		public String name() {
			return "retargeted";
		}

		@Override
		public Map<String, Object> details() {
			return Map.of("failReason", this.failReason, "previousTo", this.previousTo.fields());
		}

	}

	/**
	 * The call's recording is kept and can be downloaded (docs/recordings.md).
	 * @param recordingId its id
	 * @param recordingUrl where its audio is downloaded, with a REST token of the call's project
	 * or account
	 * @param format {@code wav} or {@code mp3}
	 * @param durationMillis how long the audio lasts
	 * @param sizeBytes the size of the file
	 * @param eventUrl the {@code record} action's eventUrl, or {@code null} for the call's
	 */
	record Recorded(CallSnapshot call, String recordingId, String recordingUrl, String format, long durationMillis,
			long sizeBytes, String eventUrl) implements CallLifecycleEvent {

		@Override
		public String name() {
			return "recorded";
		}

		@Override
		public Map<String, Object> details() {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("recordingId", this.recordingId);
			details.put("recordingUrl", this.recordingUrl);
			details.put("format", this.format);
			details.put("durationMillis", this.durationMillis);
			details.put("sizeBytes", this.sizeBytes);
			return details;
		}

	}

}
