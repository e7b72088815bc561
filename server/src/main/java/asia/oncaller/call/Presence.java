package asia.oncaller.call;

import java.util.Collection;
import java.util.List;

/** Which devices of a user are connected now; the signaling module keeps it. */
public interface Presence {

	/** The user's live connections, oldest first; empty when the user is offline. */
	List<DeviceConnection> connections(String projectId, String userId);

	/** Every connection to this node, of any user: the calls this node keeps alive. */
	Collection<String> connectionIds();

	default boolean isOnline(String projectId, String userId) {
		return !connections(projectId, userId).isEmpty();
	}

	/** One connected device. */
	record DeviceConnection(String connectionId, String deviceId, String platform) {
	}

}
