package asia.oncaller.e2e;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code sendTransfer} from a browser. Only calls with a phone leg can be transferred and this
 * version does not dial phones yet, so the browser sees the documented refusals: r=5 for a
 * target that is not online, r=4 for an app-to-app call; the call goes on.
 */
class SendTransferBrowserTests extends BrowserTestSupport {

	@Test
	void transferOfAnAppToAppCallIsRefused() {
		SdkTab alice = signedIn(user("alice"));
		SdkTab bob = signedIn(user("bob"));
		SdkTab carol = signedIn(user("carol"));
		establish(alice, bob, false);

		assertThat(alice.verb("outgoing", "sendTransfer", SdkTab.json(user("nobody")))).containsEntry("r", 5L);
		assertThat(alice.verb("outgoing", "sendTransfer", SdkTab.json(carol.userId()))).containsEntry("r", 4L)
			.containsEntry("message",
					"Transfer not allowed: only app-to-phone and phone-to-app calls can be transferred");
		assertThat(alice.script("return h.calls.outgoing.state")).isEqualTo("answered");
	}

}
