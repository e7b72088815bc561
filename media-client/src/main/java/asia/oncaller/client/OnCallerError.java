package asia.oncaller.client;

/**
 * The SDK's own error catalog: the codes of {@code error} events and of callbacks that fail
 * before or without a server reply. Server result codes (0–13, {@code docs/protocol.md}) are
 * never reused: the SDK's start at 1000, where the modelled product put its media errors (1000
 * {@code GET_USER_MEDIA_ERROR}, 1001 {@code CREATE_PEER_CONNECTION_ERROR}). Codes and words are those of
 * OnCaller's one catalog, {@code docs/errors.json}, from which the table in {@code media-client/README.md} is
 * generated; a test checks this enum against both.
 */
public enum OnCallerError {

	/** 1000. */
	GET_USER_MEDIA_ERROR(1000, "Could not capture from the requested microphone or camera",
			"The device is missing, busy or cannot be opened; the call goes on with silence or black frames."),

	/** 1001. */
	CREATE_PEER_CONNECTION_ERROR(1001, "Could not create the WebRTC peer connection",
			"The native WebRTC library refused to create the audio module, factory or peer connection."),

	/** 1002. */
	NEGOTIATION_FAILED(1002, "The media session could not be negotiated",
			"Creating or applying an SDP offer or answer failed; the message says which."),

	/** 1003. */
	ICE_FAILED(1003, "No network path to the other party",
			"ICE found no working candidate pair; check the ICE servers (STUN/TURN) and firewalls."),

	/** 1004. */
	NOT_CONNECTED(1004, "The client is not connected",
			"Call connect(token) and wait for the authen event before making or controlling calls."),

	/** 1005. */
	INVALID_STATE(1005, "Not possible in the call's current state",
			"For example answer() on an outgoing call, or hold() before the call is answered; nothing was sent."),

	/** 1006. */
	REQUEST_TIMEOUT(1006, "The server did not reply in time",
			"No reply arrived within the client's request timeout; the request may or may not have been applied."),

	/** 1007. */
	CONNECTION_LOST(1007, "The connection to the server was lost",
			"The WebSocket closed while the request waited; the client reconnects and resumes its calls unless disconnect() was called (docs/protocol.md §2.1)."),

	/** 1008. */
	INVALID_ARGUMENT(1008, "Invalid argument", "An argument was null, empty or out of range; nothing was sent."),

	/** 1009. */
	WEBRTC_UNAVAILABLE(1009, "The WebRTC native library could not be loaded",
			"The platform has no webrtc-java natives on the class path, or a system library (libpulse0 on Linux) is missing."),

	/** 1010. */
	MEDIA_SOURCE_ERROR(1010, "A media file could not be read",
			"The PCM or raw video file is missing, unreadable or has the wrong size; the call goes on with silence or black frames."),

	/** 1011. */
	INVALID_REPLY(1011, "The server's reply could not be understood", "A reply had no numeric r."),

	/** 1012. */
	CLIENT_CLOSED(1012, "The client was closed", "close() was called; create a new client.");

	private final int code;

	private final String message;

	private final String explanation;

	OnCallerError(int code, String message, String explanation) {
		this.code = code;
		this.message = message;
		this.explanation = explanation;
	}

	/** @return the numeric code, 1000 and above */
	public int code() {
		return this.code;
	}

	/** @return the short message, also the start of every {@link CallResult#message()} with this code */
	public String message() {
		return this.message;
	}

	/** @return what causes it and what to do */
	public String explanation() {
		return this.explanation;
	}

	/**
	 * @param code a code
	 * @return the error with that code, or {@code null}
	 */
	public static OnCallerError ofCode(int code) {
		for (OnCallerError error : values()) {
			if (error.code == code) {
				return error;
			}
		}
		return null;
	}

}
