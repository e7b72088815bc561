package asia.oncaller.signaling;

import java.util.List;

import asia.oncaller.call.Delivery;
import asia.oncaller.call.EventSender;
import asia.oncaller.call.Recipient;

import org.springframework.messaging.simp.user.SimpSession;
import org.springframework.messaging.simp.user.SimpUser;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.stereotype.Component;

/** Delivers the call module's events to the recipients' STOMP connections on this node. */
@Component
class StompEventSender implements EventSender {

	private final ClientMessenger messenger;

	private final SimpUserRegistry users;

	StompEventSender(ClientMessenger messenger, SimpUserRegistry users) {
		this.messenger = messenger;
		this.users = users;
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
				this.messenger.toConnection(name, connection.connectionId(), delivery.event());
			}
			else if (recipient instanceof Recipient.UserExcept except) {
				sendToOtherSessions(name, except.connectionId(), delivery);
			}
			else {
				this.messenger.toUser(name, delivery.event());
			}
		}
	}

	private void sendToOtherSessions(String name, String exceptConnectionId, Delivery delivery) {
		SimpUser user = this.users.getUser(name);
		if (user == null) {
			return;
		}
		for (SimpSession session : user.getSessions()) {
			if (!session.getId().equals(exceptConnectionId)) {
				this.messenger.toConnection(name, session.getId(), delivery.event());
			}
		}
	}

}
