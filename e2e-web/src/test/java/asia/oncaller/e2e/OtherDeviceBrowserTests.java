package asia.oncaller.e2e;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The callee signed in on two tabs: each hears the other come ({@code otherdeviceauthen}), both
 * ring, one answers, and the other gets {@code otherdevice} CALL_STATE 200 and lets the call go.
 */
class OtherDeviceBrowserTests extends BrowserTestSupport {

	@Test
	void answerOnOneTabIsSeenOnTheOther() {
		String bobId = user("bob");
		SdkTab bobFirst = signedIn(bobId);
		SdkTab bobSecond = signedIn(bobId);
		SdkTab alice = signedIn(user("alice"));
		bobFirst.waitFor("client", "otherdeviceauthen", "e.status === 'connected'");

		assertThat(alice.makeCall(bobId, false)).containsEntry("r", 0L);
		bobFirst.waitFor("client", "incomingcall");
		bobSecond.waitFor("client", "incomingcall");
		bobSecond.verbOk("incoming", "answer");

		bobFirst.waitFor("incoming", "otherdevice", "e.type === 'CALL_STATE' && e.code === 200");
		assertThat(bobFirst.script("return h.calls.incoming.answeredOnAnotherDevice")).isEqualTo(true);
		assertThat(bobFirst.script("return h.calls.incoming.ended")).isEqualTo(true);
		assertThat(bobFirst.verb("incoming", "answer")).containsEntry("r", -1L);
		alice.waitFor("outgoing", "mediastate", "e.code === 1");
	}

}
