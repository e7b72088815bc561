package asia.oncaller.e2e;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code mute} and {@code enableLocalVideo} in a video call: the local tracks switch off and
 * on, the properties follow, and the call stays up.
 */
class MuteAndCameraBrowserTests extends BrowserTestSupport {

	@Test
	void muteAndCameraSwitchTheLocalTracks() {
		SdkTab alice = signedIn(user("alice"));
		SdkTab bob = signedIn(user("bob"));
		establish(alice, bob, true);

		assertThat(alice.script("return h.calls.outgoing.mute(true)")).isEqualTo(true);
		assertThat(alice.script("return h.calls.outgoing.enableLocalVideo(false)")).isEqualTo(true);
		assertThat(alice.script("""
				const c = h.calls.outgoing, s = c.localStream;
				return [c.muted, c.localVideoEnabled, s.getAudioTracks()[0].enabled, s.getVideoTracks()[0].enabled]""")
			.toString()).isEqualTo("[true, false, false, false]");

		alice.script("h.calls.outgoing.mute(false); h.calls.outgoing.enableLocalVideo(true)");
		assertThat(alice.script("return h.calls.outgoing.localStream.getTracks().every((t) => t.enabled)")).isEqualTo(true);
		assertThat(alice.script("return h.calls.outgoing.state")).isEqualTo("answered");
	}

}
