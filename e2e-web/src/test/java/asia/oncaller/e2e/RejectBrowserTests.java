package asia.oncaller.e2e;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code reject} from the callee's browser: the caller's browser hears Busy (5, SIP 486). */
class RejectBrowserTests extends BrowserTestSupport {

	@Test
	void rejectIsBusyForTheCaller() {
		SdkTab alice = signedIn(user("alice"));
		SdkTab bob = signedIn(user("bob"));
		assertThat(alice.makeCall(bob.userId(), false)).containsEntry("r", 0L);
		bob.waitFor("client", "incomingcall");

		bob.verbOk("incoming", "reject");

		alice.waitFor("outgoing", "signalingstate", "e.code === 5 && e.sipCode === 486");
		assertThat(alice.script("return h.calls.outgoing.ended")).isEqualTo(true);
		assertThat(bob.script("return h.calls.incoming.ended")).isEqualTo(true);
	}

}
