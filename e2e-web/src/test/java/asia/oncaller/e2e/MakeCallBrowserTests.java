package asia.oncaller.e2e;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code makeCall} from a browser: the caller gets r=0 with the call id and hears Calling, and
 * the callee's browser gets {@code incomingcall} with the call's fields.
 */
class MakeCallBrowserTests extends BrowserTestSupport {

	@Test
	void makeCallRingsTheCalleesBrowser() {
		SdkTab alice = signedIn(user("alice"));
		SdkTab bob = signedIn(user("bob"));

		Map<String, Object> made = alice.makeCall(bob.userId(), true);

		assertThat(made).containsEntry("r", 0L).containsEntry("message", "Success").containsEntry("toType", "internal");
		assertThat((String) made.get("callId")).startsWith("call-");
		alice.waitFor("outgoing", "signalingstate", "e.code === 1 && e.reason === 'Calling'");
		bob.waitFor("client", "incomingcall");
		Map<String, Object> incoming = bob.events("client", "incomingcall").get(0);
		assertThat(incoming).containsEntry("callId", made.get("callId"))
			.containsEntry("fromNumber", alice.userId())
			.containsEntry("toNumber", bob.userId())
			.containsEntry("isVideoCall", true)
			.containsEntry("isIncomingCall", true)
			.containsEntry("fromInternal", true);
		alice.waitFor("outgoing", "addlocalstream", "e.audio === 1 && e.video === 1");
	}

}
