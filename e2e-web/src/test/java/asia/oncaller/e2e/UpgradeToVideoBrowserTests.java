package asia.oncaller.e2e;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code upgradeToVideoCall} in an audio call: the caller adds the camera and renegotiates, and
 * the callee's browser gets a remote stream with video that plays.
 */
class UpgradeToVideoBrowserTests extends BrowserTestSupport {

	@Test
	void upgradeBringsVideoToTheOtherSide() {
		SdkTab alice = signedIn(user("alice"));
		SdkTab bob = signedIn(user("bob"));
		establish(alice, bob, false);

		assertThat(alice.script("return h.calls.outgoing.upgradeToVideoCall()")).isEqualTo(true);

		alice.waitFor("outgoing", "addlocalstream", "e.video === 1");
		bob.waitFor("incoming", "addremotestream", "e.video === 1");
		bob.tab().waitUntil("h.remoteVideoWidth() > 0");
		assertThat(alice.script("return h.calls.outgoing.isVideoCall && h.calls.outgoing.localVideoEnabled"))
			.isEqualTo(true);
	}

}
