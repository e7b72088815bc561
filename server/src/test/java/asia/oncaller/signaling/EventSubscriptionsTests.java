package asia.oncaller.signaling;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.springframework.messaging.Message;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;
import org.springframework.web.socket.messaging.SessionSubscribeEvent;
import org.springframework.web.socket.messaging.SessionUnsubscribeEvent;

import static org.assertj.core.api.Assertions.assertThat;

class EventSubscriptionsTests {

	private final EventSubscriptions subscriptions = new EventSubscriptions();

	@Test
	void aConnectionsEventsGoToItsSubscriptionsToItsEventsOnly() {
		subscribe("c1", "sub-0", ClientMessenger.DESTINATION);
		subscribe("c1", "sub-1", "/app/session");
		subscribe("c2", "sub-0", ClientMessenger.DESTINATION);
		assertThat(this.subscriptions.of("c1")).containsExactly("sub-0");
		assertThat(this.subscriptions.of("c3")).isEmpty();
	}

	@Test
	void aFloodOfSubscriptionsKeepsTheNewestFewSoThatNoEventIsWrittenMoreOftenThanThat() {
		IntStream.range(0, 1000).forEach((i) -> subscribe("c1", "sub-" + i, ClientMessenger.DESTINATION));
		assertThat(this.subscriptions.of("c1")).containsExactly("sub-996", "sub-997", "sub-998", "sub-999");
		subscribe("c1", "sub-997", ClientMessenger.DESTINATION);
		assertThat(this.subscriptions.of("c1")).containsExactly("sub-996", "sub-998", "sub-999", "sub-997");
	}

	@Test
	void unsubscribingOrClosingEndsDelivery() {
		subscribe("c1", "sub-0", ClientMessenger.DESTINATION);
		subscribe("c1", "sub-1", ClientMessenger.DESTINATION);
		this.subscriptions.unsubscribed(new SessionUnsubscribeEvent(this, frame(StompCommand.UNSUBSCRIBE, "c1", "sub-0", null)));
		assertThat(this.subscriptions.of("c1")).containsExactly("sub-1");
		Message<byte[]> close = frame(StompCommand.DISCONNECT, "c1", null, null);
		this.subscriptions.disconnected(new SessionDisconnectEvent(this, close, "c1", CloseStatus.NORMAL));
		assertThat(this.subscriptions.of("c1")).isEmpty();
	}

	private void subscribe(String connection, String id, String destination) {
		this.subscriptions.subscribed(new SessionSubscribeEvent(this, frame(StompCommand.SUBSCRIBE, connection, id, destination)));
	}

	private static Message<byte[]> frame(StompCommand command, String connection, String id, String destination) {
		StompHeaderAccessor headers = StompHeaderAccessor.create(command);
		headers.setSessionId(connection);
		if (id != null) {
			headers.setSubscriptionId(id);
		}
		if (destination != null) {
			headers.setDestination(destination);
		}
		return MessageBuilder.createMessage(new byte[0], headers.getMessageHeaders());
	}

}
