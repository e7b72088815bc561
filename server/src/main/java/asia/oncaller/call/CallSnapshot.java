package asia.oncaller.call;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A call as the transaction that changed it left it, read-only: what listeners in other modules
 * may know of a call without holding the live JPA entity, which could change under them or load
 * lazily outside its transaction.
 *
 * @param id the call id
 * @param projectId its project
 * @param accountId the project's account
 * @param direction app to app, app to phone, phone to app or server-initiated
 * @param status the state the change left it in
 * @param from the caller as the record shows it
 * @param to the callee as the record shows it
 * @param fromUserId the calling app user, or {@code null} (a phone or the customer's server)
 * @param customData what the SCCO's connect passed on, or {@code null}
 * @param numberId the account's phone number a phone call uses, or {@code null}
 * @param trunkId the SIP trunk of a phone leg, or {@code null} for app-only calls
 * @param eventUrls the event_urls of the call's number and project as the change read them in its
 * own statement, or {@code null} when it did not (then whoever needs them looks them up)
 * @param mediaAnchored whether the media of this app-to-app call runs through rtpengine under the
 * call's id
 */
public record CallSnapshot(String id, String projectId, String accountId, CallDirection direction, CallState status,
		Endpoint from, Endpoint to, String fromUserId, String customData, String numberId, String trunkId,
		EventUrls eventUrls, boolean mediaAnchored) {

	/**
	 * Where the call's events go, as the transition's {@code UPDATE … RETURNING} read it in the
	 * transaction that changed the call: the webhook outbox then needs no look-up of its own.
	 * @param number the event_url of the call's phone number, or {@code null} (none, or no number)
	 * @param project the event_url of the call's project, or {@code null}
	 */
	public record EventUrls(String number, String project) {
	}

	/** One party of the call as its record shows it. */
	public record Endpoint(EndpointType type, String number, String alias) {

		/** As events and webhooks show a party: {@code {type, number, alias}}, the type in lower case. */
		public Map<String, Object> fields() {
			Map<String, Object> fields = new LinkedHashMap<>();
			fields.put("type", this.type.name().toLowerCase(Locale.ROOT));
			fields.put("number", this.number);
			fields.put("alias", this.alias);
			return fields;
		}

	}

	/** The call as it is now, for a listener that reads it outside the transaction that changed it. */
	public static CallSnapshot of(Call call) {
		Parties parties = call.parties();
		return new CallSnapshot(call.getId(), call.getProjectId(), call.getAccountId(), call.getDirection(),
				call.getStatus(), parties.from(), parties.to(), parties.fromUserId(), call.getCustomData(),
				call.phoneLine().numberId(), call.phoneLine().trunkId(), call.eventUrls(), call.isMediaAnchored());
	}

	/** Whether one leg of the call is a phone behind a SIP trunk. */
	public boolean hasPhoneLeg() {
		return this.trunkId != null;
	}

}
