package asia.oncaller.signaling;

import java.util.Set;
import java.util.stream.Collectors;

import asia.oncaller.auth.AuthCode;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.annotation.support.SimpAnnotationMethodMessageHandler;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.stereotype.Component;

/**
 * The destination rules of PROTOCOL §2, in one place: a connection may SUBSCRIBE to its own
 * events and its session, and SEND to the verbs the server has; nothing else (Spring itself
 * refuses any frame before CONNECT). Without these rules the simple broker would let any
 * client subscribe to, or send to, any other connection's queue, in any project. A frame outside
 * them becomes an ERROR frame with code 9, after which Spring closes the connection.
 */
@Component
class ClosedDestinations implements ChannelInterceptor {

	private static final Set<String> SUBSCRIPTIONS = Set.of("/user/queue/events", "/app/session");

	private static final String REQUESTS = "/app/";

	private final ObjectProvider<SimpAnnotationMethodMessageHandler> handlers;

	private volatile Set<String> verbs;

	// The handler of the @MessageMappings is built after this interceptor; it is asked lazily.
	ClosedDestinations(ObjectProvider<SimpAnnotationMethodMessageHandler> handlers) {
		this.handlers = handlers;
	}

	@Override
	public Message<?> preSend(Message<?> message, MessageChannel channel) {
		StompHeaderAccessor accessor = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
		if (accessor == null || accessor.getCommand() == null || allowed(accessor)) {
			return message;
		}
		throw new AuthenticationFailure(AuthCode.DESTINATION_NOT_ALLOWED);
	}

	private boolean allowed(StompHeaderAccessor accessor) {
		String destination = accessor.getDestination();
		return switch (accessor.getCommand()) {
			case CONNECT, STOMP, DISCONNECT, UNSUBSCRIBE, ACK, NACK, BEGIN, COMMIT, ABORT -> true;
			case SUBSCRIBE -> SUBSCRIPTIONS.contains(destination);
			case SEND -> destination != null && destination.startsWith(REQUESTS)
					&& verbs().contains(destination.substring(REQUESTS.length()));
			// MESSAGE, RECEIPT, ERROR and CONNECTED are the server's frames: from a client, the
			// broker would deliver a MESSAGE to its destination as if the server had sent it.
			default -> false;
		};
	}

	private Set<String> verbs() {
		Set<String> known = this.verbs;
		if (known == null) {
			known = this.handlers.getObject()
				.getHandlerMethods()
				.keySet()
				.stream()
				.filter((mapping) -> mapping.getMessageTypeMessageCondition()
					.getMessageType() == SimpMessageType.MESSAGE)
				.flatMap((mapping) -> mapping.getDestinationConditions().getPatterns().stream())
				.map((pattern) -> pattern.startsWith("/") ? pattern.substring(1) : pattern)
				.collect(Collectors.toUnmodifiableSet());
			this.verbs = known;
		}
		return known;
	}

}
