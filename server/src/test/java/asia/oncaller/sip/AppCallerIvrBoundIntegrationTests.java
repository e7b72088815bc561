package asia.oncaller.sip;

import java.time.Duration;
import java.util.Map;

import asia.oncaller.media.MediaPackets;
import asia.oncaller.testsupport.StompTestClient;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The node's bound on SCCOs running at once ({@code oncaller.ivr.max-calls}, here 1) applies to
 * app callers as to phones: while one app caller's input waits, the next app caller the server
 * answers is hung up at once, its call ended; real rtpengine and STOMP clients.
 */
@TestPropertySource(properties = "oncaller.ivr.max-calls=1")
class AppCallerIvrBoundIntegrationTests extends PhoneCallTestSupport {

	@Test
	void pastTheNodesRunningSccosTheNextAppCallerIsHungUp() throws Exception {
		this.answerUrl.respond("""
				[{"action":"input","maxDigits":4,"timeout":30}]""");
		StompTestClient alice = device("alice", "alice-app");
		StompTestClient bob = device("bob", "bob-app");
		String first = answered(alice);
		String second = answered(bob);

		assertThat(bob.await((m) -> isState(m, second, 6))).containsEntry("reason", "Ended");
		assertThat(alice.receives((m) -> isState(m, first, 6), Duration.ofMillis(500))).as("the first runs on")
			.isFalse();
		assertThat(alice.request("call.hangup", body(first))).containsEntry("r", 0);
	}

	private String answered(StompTestClient caller) throws InterruptedException {
		Map<String, Object> reply = caller.request("call.make",
				Map.of("fromNumber", "caller", "toNumber", "ivr-menu", "isVideoCall", false));
		assertThat(reply).containsEntry("r", 0);
		String callId = (String) reply.get("callId");
		assertThat(caller.request("call.sdp", body(callId, "sdp", offer(MediaPackets.sdp("chromium-offer.sdp")))))
			.containsEntry("r", 0);
		caller.await((m) -> isState(m, callId, 3));
		return callId;
	}

}
