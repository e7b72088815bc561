package asia.oncaller.client;

/**
 * The {@code mediastate} event, which follows ICE: 1 Connected (ICE connected or completed), 2
 * Disconnected (ICE disconnected or failed after having connected).
 *
 * @param code 1 or 2
 * @param reason {@code "Connected"} or {@code "Disconnected"}
 */
public record MediaState(int code, String reason) {

	/** Media flows. */
	public static final int CONNECTED = 1;

	/** Media stopped flowing. */
	public static final int DISCONNECTED = 2;

	static MediaState connected() {
		return new MediaState(CONNECTED, "Connected");
	}

	static MediaState disconnected() {
		return new MediaState(DISCONNECTED, "Disconnected");
	}

}
