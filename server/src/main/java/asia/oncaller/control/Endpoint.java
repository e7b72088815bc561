package asia.oncaller.control;

/**
 * A party of a {@code connect} action. The type is kept as written: in {@code to}, anything but
 * {@code internal} or {@code external} is for the call service to refuse with result code 3,
 * while in {@code from} the parser already refuses it. Types are case-sensitive, as in the
 * reference product.
 *
 * @param type {@code internal} (an app user) or {@code external} (a phone number), or raw text
 * @param number the user ID or phone number, 1 to 128 characters
 * @param alias the caller ID shown to the other party, or {@code null}
 */
public record Endpoint(String type, String number, String alias) {

	/** An app user's endpoint type. */
	public static final String INTERNAL = "internal";

	/** A phone number's endpoint type, reached through a SIP trunk. */
	public static final String EXTERNAL = "external";

	// The call record keeps numbers and aliases in 128 characters.
	static final int MAX_LENGTH = 128;

	/** Whether this is an app user. */
	public boolean isInternal() {
		return INTERNAL.equals(this.type);
	}

	/** Whether this is a phone number. */
	public boolean isExternal() {
		return EXTERNAL.equals(this.type);
	}

	static Endpoint read(SccoFields fields, boolean knownTypeOnly) {
		String type = knownTypeOnly ? fields.requiredChoice("type", INTERNAL, EXTERNAL)
				: fields.requiredString("type");
		String number = fields.requiredText("number", MAX_LENGTH);
		return new Endpoint(type, number, fields.optionalString("alias", MAX_LENGTH));
	}

	/**
	 * The {@code to} of a connect to a customer's WebSocket: its {@code number} is optional (what
	 * the call's record names the callee, {@code websocket} when absent), since the URI says
	 * where it goes.
	 */
	static Endpoint readWebSocket(SccoFields fields) {
		String number = fields.has("number") ? fields.requiredText("number", MAX_LENGTH) : WebSocketTarget.TYPE;
		return new Endpoint(WebSocketTarget.TYPE, number, fields.optionalString("alias", MAX_LENGTH));
	}

}
