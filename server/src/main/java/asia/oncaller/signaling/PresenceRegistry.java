package asia.oncaller.signaling;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import asia.oncaller.call.CallReaper;
import asia.oncaller.call.Presence;

import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionConnectedEvent;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * Which devices of each user are connected to this node. A user may be connected on many
 * devices at once; when one comes or goes the others hear {@code otherDeviceAuthen}. When a
 * connection closes, the calls it placed or answered end, at once after a DISCONNECT, else
 * when the device does not come back within the resume window (PROTOCOL §2.1).
 */
@Component
class PresenceRegistry implements Presence {

	private final Map<String, List<ClientPrincipal>> connectionsByUser = new ConcurrentHashMap<>();

	private final ClientMessenger messenger;

	private final CallReaper reaper;

	private final CallEventLog log;

	// Lazy: the reaper sends events through the StompEventSender, which looks devices up here.
	PresenceRegistry(ClientMessenger messenger, @Lazy CallReaper reaper, CallEventLog log) {
		this.messenger = messenger;
		this.reaper = reaper;
		this.log = log;
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

	/** The connection of the user with this principal name, or {@code null} when it is not connected here. */
	ClientPrincipal principal(String principalName, String connectionId) {
		for (ClientPrincipal principal : principals(principalName)) {
			if (principal.connectionId().equals(connectionId)) {
				return principal;
			}
		}
		return null;
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
		boolean saidDisconnect = ResumeHeaders.saidDisconnect(event.getMessage());
		if (!saidDisconnect) {
			this.log.departed(principal);
		}
		this.reaper.connectionClosed(principal.connectionId(), saidDisconnect);
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
