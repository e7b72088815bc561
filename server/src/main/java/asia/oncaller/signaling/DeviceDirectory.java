package asia.oncaller.signaling;

import java.util.List;
import java.util.Set;

/**
 * Where users' devices are connected, across every node there is: this node alone
 * ({@link LocalDirectory}), or a cluster's nodes, as PostgreSQL records them
 * ({@link DatabaseDirectory}). Delivering to the devices of this node stays with
 * {@link LocalConnections}; the directory says which other nodes must be told.
 */
interface DeviceDirectory {

	/** The connection was accepted (its CONNECTED went out). */
	void connected(ClientPrincipal principal);

	/**
	 * The connection closed.
	 * @param mayResume whether it closed without DISCONNECT: its device may come back, and events
	 * for it are still kept on this node for the resume window
	 */
	void disconnected(ClientPrincipal principal, boolean mayResume);

	/** Whether the user has a live connection on any node. */
	boolean isOnline(String projectId, String userId);

	/**
	 * This connection and the most recent others of its user on any node, at most {@code limit},
	 * oldest first.
	 */
	List<ConnectedDevice> recent(ClientPrincipal principal, int limit);

	/** The other nodes where the user has live connections. */
	Set<String> otherNodes(String projectId, String userId);

	/**
	 * The other node that holds this connection, or held it and keeps its events for the resume
	 * window; {@code null} when there is none.
	 */
	String otherNodeOf(String connectionId);

	/** One connected device, as {@code authen} lists it. */
	record ConnectedDevice(String connectionId, String deviceId, String platform) {

		static ConnectedDevice of(ClientPrincipal principal) {
			return new ConnectedDevice(principal.connectionId(), principal.deviceId(), principal.platform());
		}

	}

}
