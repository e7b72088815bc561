package asia.oncaller.auth;

/**
 * The authentication result codes of PROTOCOL §1: {@code authen.r} on STOMP, the {@code code}
 * header of a STOMP ERROR frame, and the {@code code} of a refused REST request. The numbers and
 * messages are part of the wire contract: never renumber, only add, and add to OnCaller's one catalog of
 * codes, {@code docs/errors.json}, too (a test checks that it names each constant with its code and message).
 */
public enum AuthCode {

	OK(0, "Success"),

	TOKEN_EMPTY(1, "Token is empty"),

	CANNOT_DECODE(2, "Cannot decode the token"),

	INVALID_FORMAT(3, "Invalid token format"),

	NOT_HS256(4, "Token is not HS256"),

	ISSUER_NOT_FOUND(5, "API key SID or account SID not found"),

	EXPIRED_OR_BAD_SIGNATURE(6, "Token expired or signature invalid"),

	INVALID_PAYLOAD(7, "Invalid token payload"),

	PROJECT_NOT_FOUND(8, "Project not found or disabled"),

	/** A SUBSCRIBE or SEND outside the closed destinations of PROTOCOL §2. */
	DESTINATION_NOT_ALLOWED(9, "Destination not allowed"),

	/**
	 * A WebSocket message that is not a STOMP frame, or a frame STOMP does not allow at that
	 * point, such as one before CONNECT (PROTOCOL is silent; docs/protocol.md §2).
	 */
	INVALID_FRAME(10, "Invalid STOMP frame"),

	/** Past the devices of one user, or the connections from one address, allowed at once. */
	TOO_MANY_CONNECTIONS(12, "Too many connections"),

	/** The server could not check the token now (the database is unreachable): try again. */
	SERVER_ERROR(13, "Server error, try again");

	private final int code;

	private final String message;

	AuthCode(int code, String message) {
		this.code = code;
		this.message = message;
	}

	/** The number on the wire. */
	public int code() {
		return this.code;
	}

	/** The human-readable text sent next to the number. */
	public String message() {
		return this.message;
	}

}
