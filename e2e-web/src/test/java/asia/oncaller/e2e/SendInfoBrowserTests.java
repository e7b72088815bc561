package asia.oncaller.e2e;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code sendInfo} from one browser: the other browser's {@code info} event has the same object. */
class SendInfoBrowserTests extends BrowserTestSupport {

	@Test
	void infoReachesTheOtherSide() {
		SdkTab alice = signedIn(user("alice"));
		SdkTab bob = signedIn(user("bob"));
		establish(alice, bob, false);

		alice.verbOk("outgoing", "sendInfo", "{ infoA: '1', infoB: 2, test: true }");

		bob.waitFor("incoming", "info");
		assertThat(bob.events("incoming", "info").get(0)).containsEntry("infoA", "1")
			.containsEntry("infoB", 2L)
			.containsEntry("test", true);
	}

}
