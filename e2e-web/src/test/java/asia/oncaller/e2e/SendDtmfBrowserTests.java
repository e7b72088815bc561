package asia.oncaller.e2e;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code sendDtmf} from one browser: the other browser's {@code dtmf} event has the digits;
 * digits outside 0-9*#A-D come back as r=10.
 */
class SendDtmfBrowserTests extends BrowserTestSupport {

	@Test
	void digitsReachTheOtherSide() {
		SdkTab alice = signedIn(user("alice"));
		SdkTab bob = signedIn(user("bob"));
		establish(alice, bob, false);

		alice.verbOk("outgoing", "sendDtmf", "'12#'");
		assertThat(alice.verb("outgoing", "sendDtmf", "'x'")).containsEntry("r", 10L);

		bob.waitFor("incoming", "dtmf", "e.digits === '12#'");
		assertThat(bob.events("incoming", "dtmf")).hasSize(1);
	}

}
