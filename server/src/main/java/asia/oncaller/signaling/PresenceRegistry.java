package asia.oncaller.signaling;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import asia.oncaller.call.CallReaper;
import asia.oncaller.call.Delivery;
import asia.oncaller.call.Presence;
import asia.oncaller.call.Recipient;

import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionConnectedEvent;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * Which devices of each user are connected, on this node and, in a cluster, on the others (the
 * {@link DeviceDirectory}). A user may be connected on many devices at once, on any nodes; when
 * one comes or goes the others hear {@code otherDeviceAuthen}. When a connection closes, the
 * calls it placed or answered end, at once after a DISCONNECT, else when the device does not come
 * back within the resume window (PROTOCOL §2.1).
 */
@Component
class PresenceRegistry implements Presence {

	private final LocalConnections local;

	private final DeviceDirectory directory;

	private final StompEventSender sender;

	private final CallReaper reaper;

	private final CallEventLog log;

	// Lazy: the reaper is of the call module, whose services ask this registry who is online.
	PresenceRegistry(LocalConnections local, DeviceDirectory directory, StompEventSender sender,
			@Lazy CallReaper reaper, CallEventLog log) {
		this.local = local;
		this.directory = directory;
		this.sender = sender;
		this.reaper = reaper;
		this.log = log;
	}

	@Override
	public boolean isOnline(String projectId, String userId) {
		return this.directory.isOnline(projectId, userId);
	}

	@Override
	public Collection<String> connectionIds() {
		return this.local.ids();
	}

	@EventListener
	void connected(SessionConnectedEvent event) {
		if (event.getUser() instanceof ClientPrincipal principal) {
			this.local.add(principal);
			this.directory.connected(principal);
			tellOtherDevices(principal, "connected");
		}
	}

	@EventListener
	void disconnected(SessionDisconnectEvent event) {
		if (!(StompHeaderAccessor.wrap(event.getMessage()).getUser() instanceof ClientPrincipal principal)) {
			return;
		}
		boolean saidDisconnect = ResumeHeaders.saidDisconnect(event.getMessage());
		this.local.remove(principal);
		this.directory.disconnected(principal, !saidDisconnect);
		tellOtherDevices(principal, "disconnected");
		if (!saidDisconnect) {
			this.log.departed(principal);
		}
		this.reaper.connectionClosed(principal.connectionId(), saidDisconnect);
	}

	private void tellOtherDevices(ClientPrincipal principal, String status) {
		Map<String, Object> event = Map.of("type", "otherDeviceAuthen", "status", status, "connectionId",
				principal.connectionId(), "deviceId", principal.deviceId(), "platform", principal.platform());
		Recipient others = new Recipient.UserExcept(principal.identity().projectId(), principal.identity().userId(),
				principal.connectionId());
		this.sender.send(List.of(new Delivery(others, event)));
	}

}
