package asia.oncaller.e2e;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client's {@code connect} and {@code disconnect} in a browser, and the {@code OnCallerUtil}
 * checks apps make before connecting: a token with a wrong signature is refused with authen r=6
 * and {@code requestnewtoken}; a device that disconnects fires {@code disconnect} and the user's
 * other device hears it leave.
 */
class ConnectionBrowserTests extends BrowserTestSupport {

	@Test
	void bundleOffersOnCallerUtilAsAppsCallItOnLoad() {
		SdkTab alice = new SdkTab(open("/e2e/harness.html"), user("alice"));
		alice.tab().waitUntil("window.h");

		assertThat(alice.script("return OnCallerUtil.isWebRTCSupported()")).isEqualTo(true);
		assertThat(alice.script("return OnCallerUtil.version()")).isEqualTo(alice.script("return OnCaller.SDK_VERSION"));
	}

	@Test
	void tokenWithAWrongSignatureAsksForANewOne() {
		SdkTab alice = new SdkTab(open("/e2e/harness.html"), user("alice"));
		alice.tab().waitUntil("window.h");

		Object r = alice.await("h.token(" + SdkTab.json(alice.userId()) + ").then((t) => h.connectWith(t.slice(0, -4) + 'AAAA'))");

		assertThat(r).isEqualTo(6L);
		alice.waitFor("client", "requestnewtoken");
		assertThat(alice.script("return h.client.hasConnected")).isEqualTo(false);
	}

	@Test
	void disconnectIsHeardByTheUsersOtherDevice() {
		String bobId = user("bob");
		SdkTab first = signedIn(bobId);
		SdkTab second = signedIn(bobId);
		first.waitFor("client", "otherdeviceauthen", "e.status === 'connected'");

		second.script("h.client.disconnect()");

		second.waitFor("client", "disconnect");
		first.waitFor("client", "otherdeviceauthen", "e.status === 'disconnected'");
		assertThat(second.script("return h.client.hasConnected")).isEqualTo(false);
	}

}
