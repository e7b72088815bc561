package asia.oncaller.sip;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;

import asia.oncaller.media.MediaPackets;
import asia.oncaller.media.RtpEngineProcess;
import asia.oncaller.testsupport.CallTestSupport;
import asia.oncaller.testsupport.StompTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The node's bound on SCCOs running at once ({@code oncaller.ivr.max-calls}, here 1) applies to
 * app callers as to phones: while one app caller's input waits, the next app caller the server
 * answers is hung up at once, its call ended; real rtpengine and STOMP clients.
 */
class AppCallerIvrBoundIntegrationTests extends CallTestSupport {

	/** Its own ng port: this context lives beside the phone tests' one, whose ports stay bound. */
	private static final int NG_PORT = freePort();

	@RegisterExtension
	static final RtpEngineProcess rtpengine = new RtpEngineProcess().ngPort(NG_PORT);

	@DynamicPropertySource
	static void oneRunningSccoAndItsRtpEngine(DynamicPropertyRegistry registry) {
		registry.add("oncaller.ivr.max-calls", () -> 1);
		registry.add("oncaller.media.rtpengine.ng", () -> "127.0.0.1:" + NG_PORT);
	}

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
		caller.send("call.sdp", body(callId, "sdp", offer(MediaPackets.sdp("chromium-offer.sdp"))));
		caller.await((m) -> isState(m, callId, 3));
		return callId;
	}

	private static Map<String, Object> offer(String sdp) {
		return Map.of("type", "offer", "sdp", sdp);
	}

	private static boolean isState(Map<String, Object> message, String callId, int code) {
		return "signalingState".equals(message.get("type")) && callId.equals(message.get("callId"))
				&& Integer.valueOf(code).equals(message.get("code"));
	}

	private static int freePort() {
		try {
			return RtpEngineProcess.freeUdpPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
