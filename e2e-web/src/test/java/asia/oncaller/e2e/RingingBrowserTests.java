package asia.oncaller.e2e;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ringing} from the callee's browser: the caller's browser hears Ringing (2). */
class RingingBrowserTests extends BrowserTestSupport {

	@Test
	void ringingIsHeardByTheCaller() {
		SdkTab alice = signedIn(user("alice"));
		SdkTab bob = signedIn(user("bob"));
		assertThat(alice.makeCall(bob.userId(), false)).containsEntry("r", 0L);
		bob.waitFor("client", "incomingcall");

		bob.verbOk("incoming", "ringing");

		alice.waitFor("outgoing", "signalingstate", "e.code === 2 && e.reason === 'Ringing'");
		assertThat(alice.script("return h.calls.outgoing.state")).isEqualTo("ringing");
	}

}
