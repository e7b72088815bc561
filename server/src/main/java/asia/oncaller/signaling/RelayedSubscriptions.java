package asia.oncaller.signaling;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.context.event.EventListener;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.messaging.support.NativeMessageHeaderAccessor;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * In a cluster, a connection's {@code SUBSCRIBE /user/queue/events} reaches RabbitMQ on the
 * connection's own relay connection, while everything sent to it goes out on the node's system
 * connection; RabbitMQ orders the two only per connection, so an event sent right after the
 * subscription could find no queue yet and be dropped. The subscription therefore asks RabbitMQ
 * for a receipt, and {@code authen}, which clients wait for before anything else, waits for it.
 * The client never sees the receipt. On one node (the simple broker) nothing waits.
 */
@Component
class RelayedSubscriptions implements ChannelInterceptor {

	private static final String RECEIPT_PREFIX = "oncaller-events-";

	/** The longest {@code authen} waits, for a client that never subscribes to its events. */
	private static final Duration WAIT = Duration.ofSeconds(5);

	private final Map<String, CompletableFuture<Void>> bySession = new ConcurrentHashMap<>();

	private final boolean relayed;

	RelayedSubscriptions(ClusterProperties cluster) {
		this.relayed = cluster.enabled();
	}

	/** Asks the broker for a receipt of a connection's subscription to its events. */
	void askReceipt(MessageHeaderAccessor subscribe, String sessionId) {
		if (subscribe instanceof NativeMessageHeaderAccessor stomp && sessionId != null) {
			stomp.setNativeHeader(StompHeaderAccessor.STOMP_RECEIPT_HEADER, RECEIPT_PREFIX + sessionId);
		}
	}

	/** Waits until the broker holds the connection's events subscription, for at most {@link #WAIT}. */
	void awaitEvents(String sessionId) {
		if (!this.relayed) {
			return;
		}
		try {
			future(sessionId).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException | ExecutionException ex) {
			// No subscription to wait for: authen goes out anyway, as on one node.
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** On the client outbound channel: takes the broker's receipts of events subscriptions. */
	@Override
	public Message<?> preSend(Message<?> message, MessageChannel channel) {
		StompHeaderAccessor accessor = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
		if (accessor == null || accessor.getCommand() != StompCommand.RECEIPT || accessor.getReceiptId() == null
				|| !accessor.getReceiptId().startsWith(RECEIPT_PREFIX)) {
			return message;
		}
		future(accessor.getReceiptId().substring(RECEIPT_PREFIX.length())).complete(null);
		return null;
	}

	@EventListener
	void disconnected(SessionDisconnectEvent event) {
		CompletableFuture<Void> waiting = this.bySession.remove(event.getSessionId());
		if (waiting != null) {
			waiting.complete(null);
		}
	}

	private CompletableFuture<Void> future(String sessionId) {
		return this.bySession.computeIfAbsent(sessionId, (id) -> new CompletableFuture<>());
	}

}
