package asia.oncaller.signaling;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.AbstractSubProtocolEvent;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;
import org.springframework.web.socket.messaging.SessionSubscribeEvent;
import org.springframework.web.socket.messaging.SessionUnsubscribeEvent;

/**
 * Which subscription ids each connection of this node gave its {@code /user/queue/events}, so
 * that {@link ClientMessenger} can write a connection's messages to it directly. Spring publishes
 * a SUBSCRIBE as an event only once the inbound channel took it, that is after
 * {@link ClosedDestinations} allowed it; what the connection subscribes before it is known is
 * therefore an allowed subscription of a CONNECTed client. A connection keeps at most
 * {@link #MAX_PER_CONNECTION} of them (the newest): each is one more copy of every message, and a
 * hostile client could otherwise make every event cost the server as many writes as it sent
 * SUBSCRIBE frames.
 */
@Component
class EventSubscriptions {

	static final int MAX_PER_CONNECTION = 4;

	/** Connection id to its subscription ids, oldest first; a value is replaced, never changed. */
	private final Map<String, List<String>> byConnection = new ConcurrentHashMap<>();

	/** The ids of the connection's subscriptions to its events, oldest first; empty when there is none. */
	List<String> of(String connectionId) {
		return this.byConnection.getOrDefault(connectionId, List.of());
	}

	@EventListener
	void subscribed(SessionSubscribeEvent event) {
		StompHeaderAccessor frame = StompHeaderAccessor.wrap(event.getMessage());
		String id = frame.getSubscriptionId();
		if (!ClientMessenger.DESTINATION.equals(frame.getDestination()) || id == null || frame.getSessionId() == null) {
			return;
		}
		this.byConnection.compute(frame.getSessionId(), (connection, ids) -> {
			if (ids == null) {
				return List.of(id);
			}
			List<String> others = ids.stream().filter((other) -> !other.equals(id)).toList();
			int keep = Math.min(others.size(), MAX_PER_CONNECTION - 1);
			return concat(others.subList(others.size() - keep, others.size()), id);
		});
	}

	@EventListener
	void unsubscribed(SessionUnsubscribeEvent event) {
		String id = StompHeaderAccessor.wrap(event.getMessage()).getSubscriptionId();
		this.byConnection.computeIfPresent(connectionOf(event), (connection, ids) -> {
			List<String> left = ids.stream().filter((other) -> !other.equals(id)).toList();
			return left.isEmpty() ? null : left;
		});
	}

	@EventListener
	void disconnected(SessionDisconnectEvent event) {
		this.byConnection.remove(event.getSessionId());
	}

	private static String connectionOf(AbstractSubProtocolEvent event) {
		String id = StompHeaderAccessor.wrap(event.getMessage()).getSessionId();
		return (id != null) ? id : "";
	}

	private static List<String> concat(List<String> ids, String id) {
		String[] all = ids.toArray(new String[ids.size() + 1]);
		all[ids.size()] = id;
		return List.of(all);
	}

}
