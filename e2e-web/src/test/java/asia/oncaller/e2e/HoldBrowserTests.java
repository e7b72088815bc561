package asia.oncaller.e2e;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code hold} and {@code unhold} from one browser: the other browser's {@code hold} event says
 * so each time, and the holder's own tracks stop and resume.
 */
class HoldBrowserTests extends BrowserTestSupport {

	@Test
	void holdAndUnholdReachTheOtherSide() {
		SdkTab alice = signedIn(user("alice"));
		SdkTab bob = signedIn(user("bob"));
		establish(alice, bob, true);

		alice.verbOk("outgoing", "hold");
		bob.waitFor("incoming", "hold", "e.hold === true");
		assertThat(alice.script("return h.calls.outgoing.isOnHold")).isEqualTo(true);
		assertThat(alice.script("return h.calls.outgoing.localStream.getTracks().some((t) => t.enabled)")).isEqualTo(false);

		alice.verbOk("outgoing", "unhold");
		bob.waitFor("incoming", "hold", "e.hold === false");
		assertThat(alice.script("return h.calls.outgoing.localStream.getTracks().every((t) => t.enabled)")).isEqualTo(true);
	}

}
