package asia.oncaller.control;

/**
 * The {@code connect} action: ring {@code to} on behalf of {@code from}. Every SCCO needs one,
 * since a call is placed by its first connect.
 *
 * @param from the calling party; its type is always internal or external
 * @param to the called party; its type is raw text (see {@link Endpoint})
 * @param customData delivered to both SDK legs as {@code customDataFromYourServer}, at most 16 KB
 * in UTF-8, or {@code null}
 * @param timeoutSeconds how long {@code to} rings, 1..600, default 60
 * @param maxConnectTimeSeconds how long the answered call may last, 1..86400, or -1 (the default)
 * for no limit
 * @param peerToPeerCall media straight between the apps (default {@code true}); such calls cannot
 * be recorded
 * @param continueOnFail whether an unreachable internal callee makes the server POST to
 * {@code onFailEventUrl} and run the SCCO it answers (default {@code false})
 * @param onFailEventUrl an absolute http(s) URL, required when {@code continueOnFail} is set
 * @param webSocket where the call's audio streams when {@code to} is of type
 * {@code websocket}, else {@code null}
 */
public record ConnectAction(Endpoint from, Endpoint to, String customData, int timeoutSeconds,
		int maxConnectTimeSeconds, boolean peerToPeerCall, boolean continueOnFail, String onFailEventUrl,
		WebSocketTarget webSocket) implements SccoAction {

	/** How long the callee rings when the SCCO does not say. */
	public static final int DEFAULT_TIMEOUT_SECONDS = 60;

	/** The {@code maxConnectTime} of a call that may last any length of time. */
	public static final int UNLIMITED_CONNECT_TIME = -1;

	static final String NAME = "connect";

	/** A connect to an app user or a phone number (no WebSocket). */
	public ConnectAction(Endpoint from, Endpoint to, String customData, int timeoutSeconds, int maxConnectTimeSeconds,
			boolean peerToPeerCall, boolean continueOnFail, String onFailEventUrl) {
		this(from, to, customData, timeoutSeconds, maxConnectTimeSeconds, peerToPeerCall, continueOnFail,
				onFailEventUrl, null);
	}

	/** Whether the call's audio streams to a customer's WebSocket rather than ringing anybody. */
	public boolean toWebSocket() {
		return this.webSocket != null;
	}

	/** Whether the answered call may last any length of time. */
	public boolean isConnectTimeUnlimited() {
		return this.maxConnectTimeSeconds == UNLIMITED_CONNECT_TIME;
	}

	static ConnectAction read(SccoFields fields) {
		Endpoint from = Endpoint.read(fields.object("from"), true);
		SccoFields toFields = fields.object("to");
		boolean webSocket = toFields.has("type") && WebSocketTarget.TYPE.equals(toFields.requiredString("type"));
		Endpoint to = webSocket ? Endpoint.readWebSocket(toFields) : Endpoint.read(toFields, false);
		String customData = fields.optionalUtf8("customData", 16 * 1024);
		int timeout = fields.optionalInt("timeout", DEFAULT_TIMEOUT_SECONDS, 1, 600);
		int maxConnectTime = fields.optionalInt("maxConnectTime", UNLIMITED_CONNECT_TIME, -1, 86_400);
		if (maxConnectTime == 0) {
			throw fields.invalid("maxConnectTime", "must be -1 (no limit) or a whole number in 1..86400");
		}
		boolean peerToPeerCall = fields.optionalBoolean("peerToPeerCall", true);
		boolean continueOnFail = fields.optionalBoolean("continueOnFail", false);
		String onFailEventUrl = continueOnFail ? fields.requiredHttpUrl("onFailEventUrl")
				: fields.optionalHttpUrl("onFailEventUrl");
		return new ConnectAction(from, to, customData, timeout, maxConnectTime, peerToPeerCall, continueOnFail,
				onFailEventUrl, webSocket ? WebSocketTarget.read(toFields) : null);
	}

}
