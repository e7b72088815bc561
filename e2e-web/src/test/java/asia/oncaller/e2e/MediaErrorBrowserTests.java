package asia.oncaller.e2e;

import org.junit.jupiter.api.Test;

/**
 * The call's {@code error} event in a browser: a refused getUserMedia gives 1000, a peer
 * connection that cannot be made gives 1001; either way the SDK hangs up, and the callee's
 * browser hears the call end.
 */
class MediaErrorBrowserTests extends BrowserTestSupport {

	@Test
	void refusedMicrophoneIsError1000() {
		SdkTab alice = signedIn(user("alice"));
		SdkTab bob = signedIn(user("bob"));
		alice.script("navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('denied', 'NotAllowedError'))");

		alice.makeCall(bob.userId(), false);

		alice.waitFor("outgoing", "error", "e.code === 1000 && e.moreInfo.startsWith('NotAllowedError')");
		alice.waitFor("outgoing", "signalingstate", "e.code === 6 && e.reason === 'Media error'");
		bob.waitFor("incoming", "signalingstate", "e.code === 6");
	}

	@Test
	void peerConnectionThatCannotBeMadeIsError1001() {
		SdkTab alice = signedIn(user("alice"));
		SdkTab bob = signedIn(user("bob"));
		alice.script("window.RTCPeerConnection = function () { throw new Error('blocked by policy'); }");

		alice.makeCall(bob.userId(), false);

		alice.waitFor("outgoing", "error", "e.code === 1001 && e.moreInfo.includes('blocked by policy')");
		bob.waitFor("incoming", "signalingstate", "e.code === 6");
	}

}
