package asia.oncaller.signaling;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.messaging.support.MessageHeaderAccessor;

/**
 * Maps the broker destinations of a cluster onto RabbitMQ's direct exchange. Spring turns a
 * connection's {@code /user/queue/events} into {@code /queue/events-user<connectionId>}; to
 * RabbitMQ's STOMP plugin a {@code /queue/} destination is a shared queue, declared by every SEND
 * and SUBSCRIBE and not tied to the connection, while {@code /exchange/amq.direct/<key>}
 * gives each SUBSCRIBE an exclusive queue that goes with its connection, and drops what is sent
 * to nobody. Sits on the broker channel, so clients never name these destinations themselves
 * ({@link ClosedDestinations}). Clients' events never pass through RabbitMQ: each node writes
 * them to its own connections ({@link ClientMessenger}) and hands another node's to it
 * ({@link NodeMail}); their subscriptions only hold an empty queue each.
 */
class RabbitDestinations implements ChannelInterceptor {

	/** The destinations the relay hands to RabbitMQ. */
	static final String PREFIX = "/exchange/amq.direct/";

	private static final String QUEUE = "/queue/";

	@Override
	public Message<?> preSend(Message<?> message, MessageChannel channel) {
		String destination = SimpMessageHeaderAccessor.getDestination(message.getHeaders());
		if (destination == null || !destination.startsWith(QUEUE)) {
			return message;
		}
		MessageHeaderAccessor accessor = MessageHeaderAccessor.getMutableAccessor(message);
		accessor.setHeader(SimpMessageHeaderAccessor.DESTINATION_HEADER, PREFIX + destination.substring(QUEUE.length()));
		return MessageBuilder.createMessage(message.getPayload(), accessor.getMessageHeaders());
	}

}
