package asia.oncaller.client;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * The client's ICE settings: the transport policy new calls use (all paths unless set), and a
 * TURN credential kept out of what an app may log.
 */
class IceSettingsTests {

	@Test
	void callsMayUseAnyPathUnlessTheAppAsksForTheRelayOnly() {
		try (OnCallerClient client = new OnCallerClient("ws://127.0.0.1:1/ws")) {
			assertThat(client.getIceTransportPolicy()).isEqualTo(IceTransportPolicy.ALL);
			client.setIceTransportPolicy(IceTransportPolicy.RELAY);
			assertThat(client.getIceTransportPolicy()).isEqualTo(IceTransportPolicy.RELAY);
			assertThatNullPointerException().isThrownBy(() -> client.setIceTransportPolicy(null));
		}
	}

	@Test
	void aTurnCredentialIsNotInToString() {
		IceServer turn = new IceServer(List.of("turn:turn.example.org:3478"), "1764950400:alice",
				"27u8bDn294JsTDOno11vtO8dKIw=");
		assertThat(turn.toString()).contains("1764950400:alice").doesNotContain("27u8bDn294JsTDOno11vtO8dKIw=");
		Authen authen = new Authen(0, "Success", "alice", "PJ1", "c1", "d1", List.of(), List.of(turn));
		assertThat(authen.toString()).doesNotContain("27u8bDn294JsTDOno11vtO8dKIw=");
	}

}
