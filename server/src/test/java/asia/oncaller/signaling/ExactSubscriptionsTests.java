package asia.oncaller.signaling;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The broker's subscriptions as {@link ExactSubscriptions} keeps them: found by exact destination,
 * gone with their UNSUBSCRIBE or their session, and what the broker was handed stays as it was.
 */
class ExactSubscriptionsTests {

	private final ExactSubscriptions subscriptions = new ExactSubscriptions();

	@Test
	void aMessageFindsTheSessionsSubscribedToItsDestinationOnly() {
		subscribe("s1", "0", "/queue/events-users1");
		subscribe("s2", "0", "/queue/events-users2");
		subscribe("s2", "1", "/queue/events-users2");

		assertThat(find("/queue/events-users1")).containsOnlyKeys("s1").containsEntry("s1", List.of("0"));
		assertThat(find("/queue/events-users2")).containsOnlyKeys("s2").containsEntry("s2", List.of("0", "1"));
		assertThat(find("/queue/events-users3")).isEmpty();
	}

	@Test
	void aDestinationIsANameNotAPattern() {
		subscribe("s1", "0", "/queue/*");

		assertThat(find("/queue/events-users1")).isEmpty();
		assertThat(find("/queue/*")).containsOnlyKeys("s1");
	}

	@Test
	void anUnsubscribeRemovesThatSubscriptionOnly() {
		subscribeTwoSessionsToTwoDestinations();

		unsubscribe("s1", "0");
		unsubscribe("s1", "7");

		assertThat(find("/queue/a")).isEmpty();
		assertThat(find("/queue/b")).containsOnlyKeys("s1", "s2");
	}

	@Test
	void aClosedSessionLeavesNothingBehind() {
		subscribeTwoSessionsToTwoDestinations();

		this.subscriptions.unregisterAllSubscriptions("s1");
		this.subscriptions.unregisterAllSubscriptions("never-seen");

		assertThat(find("/queue/a")).isEmpty();
		assertThat(find("/queue/b")).containsOnlyKeys("s2");
	}

	@Test
	void whatTheBrokerFoundDoesNotChangeUnderItsFeet() {
		subscribe("s1", "0", "/queue/a");
		MultiValueMap<String, String> found = find("/queue/a");

		subscribe("s2", "0", "/queue/a");
		this.subscriptions.unregisterAllSubscriptions("s1");

		assertThat(found).containsOnlyKeys("s1").containsEntry("s1", List.of("0"));
		assertThat(find("/queue/a")).containsOnlyKeys("s2");
	}

	private void subscribeTwoSessionsToTwoDestinations() {
		subscribe("s1", "0", "/queue/a");
		subscribe("s1", "1", "/queue/b");
		subscribe("s2", "0", "/queue/b");
	}

	private void subscribe(String session, String id, String destination) {
		this.subscriptions.registerSubscription(frame(SimpMessageType.SUBSCRIBE, session, id, destination));
	}

	private void unsubscribe(String session, String id) {
		this.subscriptions.unregisterSubscription(frame(SimpMessageType.UNSUBSCRIBE, session, id, null));
	}

	private MultiValueMap<String, String> find(String destination) {
		return this.subscriptions.findSubscriptions(frame(SimpMessageType.MESSAGE, null, null, destination));
	}

	private static Message<byte[]> frame(SimpMessageType type, String session, String id, String destination) {
		SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(type);
		headers.setSessionId(session);
		headers.setSubscriptionId(id);
		headers.setDestination(destination);
		return MessageBuilder.createMessage(new byte[0], headers.getMessageHeaders());
	}

}
