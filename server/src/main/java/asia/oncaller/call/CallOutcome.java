package asia.oncaller.call;

/**
 * Every documented result of a request (PROTOCOL §3.1), in one list: the {@code r} that clients
 * see and the message that goes with it (the seed's wording where it has one). The same number
 * means different things for different verbs, so each verb has its own constants. OnCaller's one catalog of
 * codes, {@code docs/errors.json}, names each constant with its code and message (a test checks it): add a
 * constant there too, then run {@code npm run errors-doc} in sdk-js for the SDK and docs/errors.md.
 */
public enum CallOutcome {

	/** Any request succeeded. */
	OK(0, "Success"),

	// call.make
	ANSWER_URL_EMPTY(1, "Make call failed. Answer url is empty"),
	SCCO_INCORRECT_FORMAT(2, "Make call failed. Answer url scco incorrect format"),
	TO_TYPE_INVALID(3, "Make call failed. To type is not internal or external"),
	FROM_NUMBER_NOT_FOUND(4, "Make call failed. From number not found"),
	FROM_NUMBER_NOT_YOURS(5, "Make call failed. From number not belong your account"),
	TRUNK_NOT_FOUND(6, "Make call failed. Sip trunk not found"),
	TRUNK_NOT_YOURS(7, "Make call failed. Sip trunk not belong your account"),
	NOT_ENOUGH_MONEY(8, "Make call failed. Not enough money"),

	// every verb on an existing call
	CALL_NOT_EXIST(1, "The call is not exist"),

	// call.answer
	CONTROLLED_FROM_OTHER_DEVICE(2, "Answer call failed. The call was controlled from other device"),
	CALL_DATA_NOT_EXIST(3, "Answer call failed. Call data is not exist"),

	// call.ringing, call.reject, call.hangup
	ANSWERED_ON_ANOTHER_DEVICE(2, "The call answered on another device"),

	// call.transfer
	TRANSFER_NOT_ALLOWED(4, "Transfer not allowed: only app-to-phone and phone-to-app calls can be transferred"),
	TARGET_NOT_ONLINE(5, "The target user is not online"),

	// any request
	INVALID_REQUEST(10, "Invalid request"),
	NOT_ALLOWED(11, "Not allowed: the call belongs to another user or project"),
	RATE_LIMITED(12, "Rate limited: too many requests"),
	SERVER_ERROR(13, "Server error: nothing was changed");

	private final int r;

	private final String message;

	CallOutcome(int r, String message) {
		this.r = r;
		this.message = message;
	}

	/** The number clients see as {@code r}; 0 is success. */
	public int r() {
		return this.r;
	}

	/** A human-readable sentence for logs and user interfaces. */
	public String message() {
		return this.message;
	}

	public boolean ok() {
		return this == OK;
	}

}
