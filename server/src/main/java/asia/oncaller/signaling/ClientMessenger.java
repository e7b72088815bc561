package asia.oncaller.signaling;

import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.socket.WebSocketHandler;

/**
 * Sends JSON messages to a connection of this node, on its {@code /user/queue/events}.
 *
 * <p>Each message is written as a STOMP MESSAGE frame straight to the connection's WebSocket
 * session, through Spring's {@code SubProtocolWebSocketHandler} (which holds the sessions, each
 * behind its send-time and buffer limits, and closes one that exceeds them), on the sending
 * thread. Spring's own path (the messaging template, the user destination resolver, the broker
 * and the client outbound channel with its ordering decorator) copied every message's headers
 * three times and handed it to two more threads, for a destination that is always one known
 * connection. That routing turned out cheap next to the writing itself (JSON, the frame, the
 * socket), so this is not much less CPU; it is two thread hand-offs less per message, and in a
 * cluster no wait for RabbitMQ (docs/performance.md, "Events written
 * directly"). Messages to one connection leave in the order this class is called, as the
 * ordered outbound channel kept them. In a cluster, what another node's connection must receive
 * reaches that node through {@link NodeMail} and is written by it, so the broker relay carries
 * no client's events either.
 */
@Component
class ClientMessenger {

	/** Where a connection receives every server message (PROTOCOL §2). */
	static final String DESTINATION = "/user/queue/events";

	private final MessageHandler sessions;

	private final EventSubscriptions subscriptions;

	private final JsonMapper json;

	ClientMessenger(@Qualifier("subProtocolWebSocketHandler") WebSocketHandler sessions,
			EventSubscriptions subscriptions, JsonMapper json) {
		this.sessions = (MessageHandler) sessions;
		this.subscriptions = subscriptions;
		this.json = json;
	}

	/**
	 * Writes the message to the connection's events subscription; nothing happens when the
	 * connection is not on this node any more, or has not subscribed yet.
	 */
	void toConnection(String connectionId, Map<String, Object> message) {
		byte[] body = null;
		for (String subscription : this.subscriptions.of(connectionId)) {
			if (body == null) {
				body = this.json.writeValueAsBytes(message);
			}
			this.sessions.handleMessage(frame(connectionId, subscription, body));
		}
	}

	private static Message<byte[]> frame(String connectionId, String subscription, byte[] body) {
		StompHeaderAccessor headers = StompHeaderAccessor.create(StompCommand.MESSAGE);
		headers.setSessionId(connectionId);
		headers.setDestination(DESTINATION);
		headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
		headers.setSubscriptionId(subscription);
		// Numbered as Spring numbers the connection's other messages (the authen), so ids never repeat.
		headers.updateStompCommandAsServerMessage();
		return MessageBuilder.createMessage(body, headers.getMessageHeaders());
	}

}
