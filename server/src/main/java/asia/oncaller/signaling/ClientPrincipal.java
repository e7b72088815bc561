package asia.oncaller.signaling;

import java.security.Principal;

import asia.oncaller.auth.ClientIdentity;
import asia.oncaller.call.Party;

import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;

/**
 * The authenticated user of one STOMP connection. Its name, which Spring uses for
 * {@code /user/...} destinations, joins project and user id, since two projects may both have
 * an "alice".
 */
record ClientPrincipal(ClientIdentity identity, String connectionId, String deviceId, String platform)
		implements Principal {

	@Override
	public String getName() {
		return nameOf(this.identity.projectId(), this.identity.userId());
	}

	/**
	 * The principal of the connection a request frame came from: Spring refuses every frame
	 * before CONNECT, and {@link ConnectAuthenticator} gives each connection this principal. Read
	 * from the frame rather than taken as a handler argument, whose resolution looked up the
	 * parameter's nullness annotations for every request (3 % of a call cycle's server CPU).
	 */
	static ClientPrincipal of(Message<?> frame) {
		return (ClientPrincipal) SimpMessageHeaderAccessor.getUser(frame.getHeaders());
	}

	static String nameOf(String projectId, String userId) {
		return projectId + ":" + userId;
	}

	Party party() {
		return new Party(this.identity.projectId(), this.identity.accountId(), this.identity.userId(), this.connectionId,
				this.deviceId);
	}

}
