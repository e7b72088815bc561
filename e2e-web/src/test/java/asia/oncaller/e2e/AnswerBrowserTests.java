package asia.oncaller.e2e;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code answer} from a browser: the caller hears Answered, WebRTC connects both ways through
 * the veth addresses of the namespace, and each side gets the other's stream.
 */
class AnswerBrowserTests extends BrowserTestSupport {

	@Test
	void answerConnectsMediaBothWays() {
		SdkTab alice = signedIn(user("alice"));
		SdkTab bob = signedIn(user("bob"));

		establish(alice, bob, false);

		assertThat(alice.events("outgoing", "signalingstate")).extracting((e) -> e.get("code")).containsExactly(1L, 3L);
		bob.waitFor("incoming", "signalingstate", "e.code === 3");
		alice.waitFor("outgoing", "addremotestream", "e.audio === 1");
		bob.waitFor("incoming", "addremotestream", "e.audio === 1");
		assertThat(bob.script("return h.calls.incoming.isAnswered")).isEqualTo(true);
	}

}
