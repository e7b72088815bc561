package asia.oncaller.signaling;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import asia.oncaller.call.Delivery;
import asia.oncaller.call.EventSender;
import asia.oncaller.call.Recipient;

import org.springframework.stereotype.Component;

/**
 * Delivers the call module's events to the recipients' STOMP connections on this node. An event
 * about a call is numbered for each device that receives it ({@link CallEventLog}), also for a
 * device whose connection dropped and may come back; an event that already carries its
 * {@code seq} is a replay of what a device missed, and goes out as it is.
 */
@Component
class StompEventSender implements EventSender {

	private final ClientMessenger messenger;

	private final PresenceRegistry presence;

	private final CallEventLog log;

	StompEventSender(ClientMessenger messenger, PresenceRegistry presence, CallEventLog log) {
		this.messenger = messenger;
		this.presence = presence;
		this.log = log;
	}

	@Override
	public void send(List<Delivery> deliveries) {
		for (Delivery delivery : deliveries) {
			Recipient recipient = delivery.recipient();
			if (recipient.userId() == null) {
				// The caller of a call placed over REST is the customer's server, no app user: the
				// events meant for it have nobody to go to (and must not reach a user named "null").
				continue;
			}
			String name = ClientPrincipal.nameOf(recipient.projectId(), recipient.userId());
			if (recipient instanceof Recipient.Connection connection) {
				toConnection(name, connection.connectionId(), delivery.event());
			}
			else {
				toUser(name, (recipient instanceof Recipient.UserExcept others) ? others.connectionId() : null,
						delivery.event());
			}
		}
	}

	/**
	 * To every connected device of the user but {@code exceptConnectionId}; numbered and kept also
	 * for the user's devices that dropped while the call rang there, for their resume.
	 */
	private void toUser(String name, String exceptConnectionId, Map<String, Object> event) {
		Set<String> connectedDevices = new HashSet<>();
		for (ClientPrincipal device : this.presence.principals(name)) {
			connectedDevices.add(device.deviceId());
			if (!device.connectionId().equals(exceptConnectionId)) {
				send(device, event);
			}
		}
		String callId = callIdOf(event);
		if (callId != null) {
			for (String departedDevice : this.log.departedDevicesOf(callId, name)) {
				if (!connectedDevices.contains(departedDevice)) {
					this.log.number(callId, name, departedDevice, event);
				}
			}
		}
	}

	private void toConnection(String name, String connectionId, Map<String, Object> event) {
		ClientPrincipal device = this.presence.principal(name, connectionId);
		if (device != null) {
			send(device, event);
			return;
		}
		String callId = callIdOf(event);
		String departedDevice = (callId != null) ? this.log.departedDevice(name, connectionId) : null;
		if (departedDevice != null) {
			this.log.number(callId, name, departedDevice, event);
		}
	}

	private void send(ClientPrincipal device, Map<String, Object> event) {
		String callId = callIdOf(event);
		Map<String, Object> delivered = (callId != null)
				? this.log.number(callId, device.getName(), device.deviceId(), event) : event;
		this.messenger.toConnection(device.getName(), device.connectionId(), delivered);
	}

	/** The call an event is about when it still needs numbering; {@code null} for other events and replays. */
	private static String callIdOf(Map<String, Object> event) {
		return (event.get("callId") instanceof String callId && !event.containsKey("seq")) ? callId : null;
	}

}
