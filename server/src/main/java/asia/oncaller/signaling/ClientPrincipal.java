package asia.oncaller.signaling;

import java.security.Principal;

import asia.oncaller.auth.ClientIdentity;
import asia.oncaller.call.Party;

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

	static String nameOf(String projectId, String userId) {
		return projectId + ":" + userId;
	}

	Party party() {
		return new Party(this.identity.projectId(), this.identity.accountId(), this.identity.userId(), this.connectionId,
				this.deviceId);
	}

}
