package asia.oncaller.signaling;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.stereotype.Component;

/** The STOMP connections to this node, by user: the devices this node delivers to itself. */
@Component
class LocalConnections {

	private final Map<String, List<ClientPrincipal>> byUser = new ConcurrentHashMap<>();

	void add(ClientPrincipal principal) {
		this.byUser.computeIfAbsent(principal.getName(), (name) -> new CopyOnWriteArrayList<>()).add(principal);
	}

	void remove(ClientPrincipal principal) {
		this.byUser.computeIfPresent(principal.getName(), (name, list) -> {
			list.remove(principal);
			return list.isEmpty() ? null : list;
		});
	}

	/** The connections of the user with this principal name, oldest first. */
	List<ClientPrincipal> of(String principalName) {
		return this.byUser.getOrDefault(principalName, List.of());
	}

	/** The connection of the user with this principal name, or {@code null} when it is not connected here. */
	ClientPrincipal find(String principalName, String connectionId) {
		for (ClientPrincipal principal : of(principalName)) {
			if (principal.connectionId().equals(connectionId)) {
				return principal;
			}
		}
		return null;
	}

	/** Every connection to this node, of any user. */
	Collection<String> ids() {
		return this.byUser.values().stream().flatMap(List::stream).map(ClientPrincipal::connectionId).toList();
	}

}
