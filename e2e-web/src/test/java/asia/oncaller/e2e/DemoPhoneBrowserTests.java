package asia.oncaller.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo web phone at {@code /}, used as a person would: two browsers sign in, one places a
 * video call, the other answers from the incoming-call panel, video plays and media counters
 * grow on both sides, and a hangup ends the call on both. Screenshots of the page idle,
 * ringing and in a call go to {@code target/screenshots}. Failures are explained in words.
 */
class DemoPhoneBrowserTests extends BrowserTestSupport {

	@Test
	void videoCallBetweenTwoBrowsers() throws IOException {
		Tab alice = signInOnDemoPage(user("alice"));
		String bobId = user("bob");
		Tab bob = signInOnDemoPage(bobId);
		screenshot(alice, "idle");

		alice.type("to-input", bobId);
		alice.click("call-video");
		bob.waitUntil("!document.getElementById('incoming-panel').hidden");
		assertThat(bob.element("incoming-kind").getText()).isEqualTo("video call");
		screenshot(bob, "ringing");
		bob.click("answer");

		for (Tab tab : new Tab[] { alice, bob }) {
			tab.waitUntil("phone.call.state === 'answered' && document.getElementById('remote-video').videoWidth > 0");
			// Media flows both ways: received bytes of audio and video grow from a first look.
			tab.await("(async () => { window.statsBefore = await phone.call.getStats(); return true; })()");
			tab.waitUntilResolved("""
					(async () => {
					  const before = window.statsBefore;
					  const after = await phone.call.getStats();
					  return ['audio', 'video'].every((kind) => before[kind].inbound.bytesReceived > 0
					    && after[kind].inbound.bytesReceived > before[kind].inbound.bytesReceived);
					})()""");
			tab.waitUntil("document.getElementById('stat-video-in').textContent.endsWith('kbps')");
		}
		screenshot(alice, "in-call");

		alice.click("hangup");
		for (Tab tab : new Tab[] { alice, bob }) {
			tab.waitUntil("phone.call.ended && document.getElementById('call-panel').hidden");
			assertThat(messages(tab)).contains("Ended");
		}
	}

	@Test
	void callToAUserWhoIsNotOnlineIsExplained() {
		Tab alice = signInOnDemoPage(user("alice"));

		alice.type("to-input", user("nobody"));
		alice.click("call-audio");

		alice.waitUntil("document.getElementById('messages').textContent.includes('Callee not online')");
		assertThat(messages(alice)).contains("Make call: done", "Ended (Callee not online, SIP 480)");
	}

	@Test
	void refusedTokenIsExplained() {
		Tab page = open("/");

		page.type("token-input", "not-a-token");
		page.click("token-button");

		page.waitUntil("document.getElementById('messages').textContent.includes('Sign-in refused')");
		assertThat(messages(page)).contains("Sign-in refused: r=2 CANNOT_DECODE: Cannot decode the token");
	}

	private Tab signInOnDemoPage(String userId) {
		Tab tab = open("/");
		tab.type("signin-user", userId);
		tab.click("signin-button");
		tab.waitUntil("phone.client && phone.client.hasConnected && !document.getElementById('dial-panel').hidden");
		return tab;
	}

	private static String messages(Tab tab) {
		return tab.element("messages").getText();
	}

	private static void screenshot(Tab tab, String name) throws IOException {
		Path directory = Path.of(System.getProperty("e2e.screenshots", "target/screenshots"));
		Files.createDirectories(directory);
		Files.write(directory.resolve(name + ".png"), tab.screenshot());
	}

}
