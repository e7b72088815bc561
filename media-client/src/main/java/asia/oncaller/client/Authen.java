package asia.oncaller.client;

import java.util.List;

/**
 * The {@code authen} event: the server's answer to {@code connect}. {@code r} 0 is success; 1–8
 * are the token codes of {@code docs/protocol.md} §1 (6: expired, which also fires
 * {@code requestnewtoken}).
 *
 * @param r the result code
 * @param message the result text
 * @param userId the user the token names ({@code null} when refused)
 * @param projectId the project
 * @param connectionId this connection
 * @param deviceId this device, as sent
 * @param clients every connection of the user, this one included
 * @param iceServers STUN/TURN servers for calls
 */
public record Authen(int r, String message, String userId, String projectId, String connectionId, String deviceId,
		List<Connection> clients, List<IceServer> iceServers) {

	/** Copies the lists; {@code null} lists become empty. */
	public Authen {
		clients = (clients != null) ? List.copyOf(clients) : List.of();
		iceServers = (iceServers != null) ? List.copyOf(iceServers) : List.of();
	}

	/** @return whether the token was accepted */
	public boolean isSuccess() {
		return this.r == 0;
	}

	/**
	 * One connection of the user.
	 *
	 * @param connectionId its id
	 * @param deviceId its device
	 * @param platform {@code web}, {@code java}, ...
	 */
	public record Connection(String connectionId, String deviceId, String platform) {
	}

}
