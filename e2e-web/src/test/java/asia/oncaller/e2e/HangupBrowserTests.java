package asia.oncaller.e2e;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code hangup} of an answered call from one browser: the other browser hears Ended (6), and
 * both release their media (the local tracks stop).
 */
class HangupBrowserTests extends BrowserTestSupport {

	@Test
	void hangupEndsTheCallOnBothSides() {
		SdkTab alice = signedIn(user("alice"));
		SdkTab bob = signedIn(user("bob"));
		establish(alice, bob, false);

		bob.verbOk("incoming", "hangup");

		alice.waitFor("outgoing", "signalingstate", "e.code === 6");
		assertThat(alice.script("return h.calls.outgoing.ended")).isEqualTo(true);
		assertThat(bob.script("return h.calls.incoming.ended")).isEqualTo(true);
		alice.tab().waitUntil("h.calls.outgoing.localStream.getTracks().every((t) => t.readyState === 'ended')");
		assertThat(bob.verb("incoming", "hangup")).containsEntry("r", -1L);
	}

}
