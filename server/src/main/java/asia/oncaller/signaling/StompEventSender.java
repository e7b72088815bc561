package asia.oncaller.signaling;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import asia.oncaller.call.Delivery;
import asia.oncaller.call.EventSender;
import asia.oncaller.call.Recipient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Delivers the call module's events to the recipients' STOMP connections: those on this node
 * directly, those on other nodes of a cluster through the node that holds them
 * ({@link NodeMail}), which delivers them as its own. So an event is always numbered, and kept
 * for a replay, by the node its device is connected to: an event about a call is numbered for
 * each device that receives it ({@link CallEventLog}), also for a device whose connection dropped
 * and may come back; an event that already carries its {@code seq} is a replay of what a device
 * missed, and goes out as it is.
 */
@Component
class StompEventSender implements EventSender {

	private final ClientMessenger messenger;

	private final LocalConnections local;

	private final DeviceDirectory directory;

	private final ObjectProvider<NodeMail> mail;

	private final CallEventLog log;

	StompEventSender(ClientMessenger messenger, LocalConnections local, DeviceDirectory directory,
			ObjectProvider<NodeMail> mail, CallEventLog log) {
		this.messenger = messenger;
		this.local = local;
		this.directory = directory;
		this.mail = mail;
		this.log = log;
	}

	@Override
	public void send(List<Delivery> deliveries) {
		for (Delivery delivery : deliveries) {
			if (delivery.recipient().userId() == null) {
				// The caller of a call placed over REST is the customer's server, no app user: the
				// events meant for it have nobody to go to (and must not reach a user named "null").
				continue;
			}
			deliver(delivery, true);
		}
	}

	/**
	 * Delivers to the recipient's connections on this node, and with {@code forward} hands the
	 * event to the other nodes that hold the rest of them; an event that came from another node
	 * is not forwarded again.
	 */
	void deliver(Delivery delivery, boolean forward) {
		Recipient recipient = delivery.recipient();
		String name = ClientPrincipal.nameOf(recipient.projectId(), recipient.userId());
		if (recipient instanceof Recipient.Connection connection) {
			if (!deliveredHere(name, connection.connectionId(), delivery.event()) && forward) {
				String node = this.directory.otherNodeOf(connection.connectionId());
				if (node != null) {
					this.mail.getObject().send(node, delivery);
				}
			}
			return;
		}
		String except = (recipient instanceof Recipient.UserExcept others) ? others.connectionId() : null;
		Set<String> connectedDevices = new HashSet<>();
		for (ClientPrincipal device : this.local.of(name)) {
			connectedDevices.add(device.deviceId());
			if (!device.connectionId().equals(except)) {
				send(device, delivery.event());
			}
		}
		keepForDroppedDevices(name, connectedDevices, delivery.event());
		if (forward) {
			for (String node : this.directory.otherNodes(recipient.projectId(), recipient.userId())) {
				this.mail.getObject().send(node, delivery);
			}
		}
	}

	/**
	 * Numbers and keeps an event meant for all of a user's devices also for those of its devices
	 * that dropped from this node while the call rang there, for their resume.
	 */
	private void keepForDroppedDevices(String name, Set<String> connectedDevices, Map<String, Object> event) {
		String callId = callIdOf(event);
		if (callId == null) {
			return;
		}
		for (String departedDevice : this.log.departedDevicesOf(callId, name)) {
			if (!connectedDevices.contains(departedDevice)) {
				this.log.number(callId, name, departedDevice, event);
			}
		}
	}

	/** Delivers to a connection of this node, or numbers the event for its device when it dropped; false when neither. */
	private boolean deliveredHere(String name, String connectionId, Map<String, Object> event) {
		ClientPrincipal device = this.local.find(name, connectionId);
		if (device != null) {
			send(device, event);
			return true;
		}
		String departedDevice = this.log.departedDevice(name, connectionId);
		if (departedDevice == null) {
			return false;
		}
		String callId = callIdOf(event);
		if (callId != null) {
			this.log.number(callId, name, departedDevice, event);
		}
		return true;
	}

	private void send(ClientPrincipal device, Map<String, Object> event) {
		String callId = callIdOf(event);
		Map<String, Object> delivered = (callId != null)
				? this.log.number(callId, device.getName(), device.deviceId(), event) : event;
		this.messenger.toConnection(device.connectionId(), delivered);
	}

	/** The call an event is about when it still needs numbering; {@code null} for other events and replays. */
	private static String callIdOf(Map<String, Object> event) {
		return (event.get("callId") instanceof String callId && !event.containsKey("seq")) ? callId : null;
	}

}
