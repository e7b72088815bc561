package asia.oncaller.signaling;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.messaging.Message;
import org.springframework.messaging.simp.broker.AbstractSubscriptionRegistry;
import org.springframework.util.CollectionUtils;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The simple broker's subscriptions, found by their exact destination in constant time.
 *
 * <p>Spring's {@code DefaultSubscriptionRegistry} allows destination patterns, so for a destination
 * it has not cached it goes through every session's subscriptions. Here every connection has a
 * destination of its own ({@code /user/queue/events} becomes one per session), so that pass ran
 * for the first message of every connection (its {@code authen}) and, once more connections were
 * open than its cache holds, for most events: a cost per message that grew with the clients
 * connected (docs/performance.md, "The broker's subscriptions"). No pattern ever reaches the broker:
 * {@link ClosedDestinations} allows two exact destinations only, so a destination here is a name.
 * Since events are written to their connection directly ({@link ClientMessenger}), the broker
 * looks up no subscriber at all; it still takes every connection's SUBSCRIBE and forgets it at the
 * disconnect, which this registry does in constant time too.
 */
final class ExactSubscriptions extends AbstractSubscriptionRegistry {

	private static final MultiValueMap<String, String> NONE = CollectionUtils
		.unmodifiableMultiValueMap(new LinkedMultiValueMap<>(0));

	/**
	 * Destination to session to subscription ids. A value is never changed once stored, only
	 * replaced, so the broker may go through what it found while subscriptions change.
	 */
	private final Map<String, LinkedMultiValueMap<String, String>> subscribers = new ConcurrentHashMap<>();

	/** Session to subscription id to destination, to find what a session leaves behind. */
	private final Map<String, Map<String, String>> sessions = new ConcurrentHashMap<>();

	@Override
	protected void addSubscriptionInternal(String sessionId, String subscriptionId, String destination,
			Message<?> message) {
		this.sessions.computeIfAbsent(sessionId, (id) -> new ConcurrentHashMap<>()).put(subscriptionId, destination);
		this.subscribers.compute(destination, (name, current) -> {
			LinkedMultiValueMap<String, String> next = (current != null) ? current.deepCopy()
					: new LinkedMultiValueMap<>(1);
			next.add(sessionId, subscriptionId);
			return next;
		});
	}

	@Override
	protected void removeSubscriptionInternal(String sessionId, String subscriptionId, Message<?> message) {
		Map<String, String> ofSession = this.sessions.get(sessionId);
		String destination = (ofSession != null) ? ofSession.remove(subscriptionId) : null;
		if (destination != null) {
			remove(destination, sessionId, subscriptionId);
		}
	}

	@Override
	public void unregisterAllSubscriptions(String sessionId) {
		Map<String, String> ofSession = this.sessions.remove(sessionId);
		if (ofSession != null) {
			ofSession.forEach((subscriptionId, destination) -> remove(destination, sessionId, subscriptionId));
		}
	}

	@Override
	protected MultiValueMap<String, String> findSubscriptionsInternal(String destination, Message<?> message) {
		LinkedMultiValueMap<String, String> found = this.subscribers.get(destination);
		return (found != null) ? found : NONE;
	}

	private void remove(String destination, String sessionId, String subscriptionId) {
		this.subscribers.computeIfPresent(destination, (name, current) -> {
			LinkedMultiValueMap<String, String> next = current.deepCopy();
			next.computeIfPresent(sessionId, (id, ids) -> {
				ids.remove(subscriptionId);
				return ids.isEmpty() ? null : ids;
			});
			return next.isEmpty() ? null : next;
		});
	}

}
