package asia.oncaller.call;

import jakarta.persistence.Embeddable;

/**
 * The SIP side of a call to or from a phone number: the trunk that carries it, the account's
 * number it uses, and the SIP Call-ID of its phone leg. All {@code null} for an app-to-app call.
 *
 * @param trunkId the SIP trunk, or {@code null} when no phone leg is carried
 * @param numberId the account's number a phone call uses: the one dialled, or the caller id it shows
 * @param sipCallId the SIP Call-ID of the phone leg, or {@code null}
 */
@Embeddable
public record PhoneLine(String trunkId, String numberId, String sipCallId) {

	/** No phone leg: an app-to-app call, or a call from the customer's server to an app user. */
	public static final PhoneLine NONE = new PhoneLine(null, null, null);

}
