package asia.oncaller.signaling;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import asia.oncaller.call.CallReaper;
import asia.oncaller.call.Presence;

import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionConnectedEvent;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * Which devices of each user are connected to this node. A user may be connected on many
 * devices at once; when one comes or goes the others hear {@code otherDeviceAuthen}. When a
 * connection closes, the calls it placed or answered end.
 */
@Component
class PresenceRegistry implements Presence {

	private final Map<String, List<ClientPrincipal>> connectionsByUser = new ConcurrentHashMap<>();

	private final ClientMessenger messenger;

	private final CallReaper reaper;

	PresenceRegistry(ClientMessenger messenger, CallReaper reaper) {
		this.messenger = messenger;
		this.reaper = reaper;
	}

	@Override
	public List<DeviceConnection> connections(String projectId, String userId) {
		return principals(ClientPrincipal.nameOf(projectId, userId)).stream()
			.map((p) -> new DeviceConnection(p.connectionId(), p.deviceId(), p.platform()))
			.toList();
	}

	@Override
	public Collection<String> connectionIds() {
		return this.connectionsByUser.values().stream().flatMap(List::stream).map(ClientPrincipal::connectionId).toList();
	}

	/** The connections of the user with this principal name, oldest first. */
	List<ClientPrincipal> principals(String principalName) {
		return this.connectionsByUser.getOrDefault(principalName, List.of());
	}

	/**
	 * This connection and the most recent others of its user, at most {@code limit}, oldest
	 * first.
	 */
	List<ClientPrincipal> recent(ClientPrincipal principal, int limit) {
		List<ClientPrincipal> others = principals(principal.getName()).stream()
			.filter((other) -> !other.connectionId().equals(principal.connectionId()))
			.toList();
		List<ClientPrincipal> recent = new ArrayList<>(
				others.subList(Math.max(0, others.size() - limit + 1), others.size()));
		recent.add(principal);
		return recent;
	}

	@EventListener
	void connected(SessionConnectedEvent event) {
		if (event.getUser() instanceof ClientPrincipal principal) {
			this.connectionsByUser.computeIfAbsent(principal.getName(), (name) -> new CopyOnWriteArrayList<>())
				.add(principal);
			tellOtherDevices(principal, "connected");
		}
	}

	@EventListener
	void disconnected(SessionDisconnectEvent event) {
		if (!(StompHeaderAccessor.wrap(event.getMessage()).getUser() instanceof ClientPrincipal principal)) {
			return;
		}
		this.connectionsByUser.computeIfPresent(principal.getName(), (name, list) -> {
			list.remove(principal);
			return list.isEmpty() ? null : list;
		});
		tellOtherDevices(principal, "disconnected");
		this.reaper.connectionClosed(principal.connectionId());
	}

	private void tellOtherDevices(ClientPrincipal principal, String status) {
		Map<String, Object> event = Map.of("type", "otherDeviceAuthen", "status", status, "connectionId",
				principal.connectionId(), "deviceId", principal.deviceId(), "platform", principal.platform());
		for (ClientPrincipal other : principals(principal.getName())) {
			if (!other.connectionId().equals(principal.connectionId())) {
				this.messenger.toConnection(other.getName(), other.connectionId(), event);
			}
		}
	}

}
