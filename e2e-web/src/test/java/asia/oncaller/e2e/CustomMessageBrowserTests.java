package asia.oncaller.e2e;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code sendCustomMessage} between two browsers: the other user's {@code custommessage} event. */
class CustomMessageBrowserTests extends BrowserTestSupport {

	@Test
	void customMessageReachesTheOtherUser() {
		SdkTab alice = signedIn(user("alice"));
		SdkTab bob = signedIn(user("bob"));

		Object result = alice.await("new Promise((resolve) => h.client.sendCustomMessage("
				+ SdkTab.json(bob.userId()) + ", { hello: 'bob' }, resolve))");

		assertThat(result).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("r", 0L);
		bob.waitFor("client", "custommessage", "e.message.hello === 'bob' && e.fromUserId === " + SdkTab.json(alice.userId()));
	}

}
