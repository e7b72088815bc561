package asia.oncaller.signaling;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The directory of a single node: every device there is is connected here. */
class LocalDirectory implements DeviceDirectory {

	private final LocalConnections connections;

	LocalDirectory(LocalConnections connections) {
		this.connections = connections;
	}

	@Override
	public void connected(ClientPrincipal principal) {
	}

	@Override
	public void disconnected(ClientPrincipal principal, boolean mayResume) {
	}

	@Override
	public boolean isOnline(String projectId, String userId) {
		return !this.connections.of(ClientPrincipal.nameOf(projectId, userId)).isEmpty();
	}

	@Override
	public List<ConnectedDevice> recent(ClientPrincipal principal, int limit) {
		List<ClientPrincipal> others = this.connections.of(principal.getName())
			.stream()
			.filter((other) -> !other.connectionId().equals(principal.connectionId()))
			.toList();
		List<ConnectedDevice> recent = new ArrayList<>();
		others.subList(Math.max(0, others.size() - limit + 1), others.size())
			.forEach((other) -> recent.add(ConnectedDevice.of(other)));
		recent.add(ConnectedDevice.of(principal));
		return recent;
	}

	@Override
	public Set<String> otherNodes(String projectId, String userId) {
		return Set.of();
	}

	@Override
	public String otherNodeOf(String connectionId) {
		return null;
	}

}
