package asia.oncaller.call;

import java.time.Duration;
import java.util.Map;

import asia.oncaller.testsupport.CallTestSupport;
import asia.oncaller.testsupport.StompTestClient;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What travels between the legs of a live call, over real WebSockets: SDP and candidates reach
 * every ringing device before the answer and only the answering device after it; info, DTMF and
 * hold reach the other leg; transfer, custom messages and media state give their documented codes.
 */
class CallRelayIntegrationTests extends CallTestSupport {

	private static final Map<String, Object> OFFER = Map.of("type", "offer", "sdp", "v=0 offer");

	private static final Map<String, Object> CANDIDATE = Map.of("candidate", "candidate:1 1 udp 1 10.0.0.1 9 typ host",
			"sdpMid", "0", "sdpMLineIndex", 0);

	@Test
	void beforeTheAnswerSdpReachesEveryRingingDeviceAndBack() throws Exception {
		StompTestClient alice = device("alice", "a1");
		StompTestClient bob1 = device("bob", "b1");
		StompTestClient bob2 = device("bob", "b2");
		String callId = call(alice, "bob", 60);

		alice.send("call.sdp", body(callId, "sdp", OFFER));
		assertThat(bob1.awaitEvent("sdp", callId)).containsEntry("sdp", OFFER).containsEntry("deviceId", "a1");
		assertThat(bob2.awaitEvent("sdp", callId)).containsEntry("sdp", OFFER);

		bob2.send("call.sdp", body(callId, "sdp", Map.of("type", "answer", "sdp", "v=0 answer")));
		assertThat(alice.awaitEvent("sdp", callId)).containsEntry("deviceId", "b2");
	}

	@Test
	void afterTheAnswerCandidatesReachOnlyTheAnsweringDevice() throws Exception {
		StompTestClient alice = device("alice", "a1");
		StompTestClient bob1 = device("bob", "b1");
		StompTestClient bob2 = device("bob", "b2");
		String callId = call(alice, "bob", 60);
		bob1.request("call.answer", body(callId));

		alice.send("call.candidate", body(callId, "candidate", CANDIDATE));

		assertThat(bob1.awaitEvent("candidate", callId)).containsEntry("candidate", CANDIDATE);
		assertThat(bob2.receives((m) -> "candidate".equals(m.get("type")), Duration.ofMillis(500))).isFalse();
		bob2.send("call.sdp", Map.of("requestId", "late", "callId", callId, "sdp", OFFER));
		assertThat(bob2.await((m) -> "late".equals(m.get("requestId")))).containsEntry("r", 11);
		assertThat(alice.receives((m) -> "sdp".equals(m.get("type")), Duration.ofMillis(300))).isFalse();
	}

	@Test
	void infoDtmfAndHoldReachTheOtherLeg() throws Exception {
		StompTestClient alice = device("alice", "a1");
		StompTestClient bob = device("bob", "b1");
		String callId = call(alice, "bob", 60);
		bob.request("call.answer", body(callId));

		assertThat(alice.request("call.info", body(callId, "info", Map.of("infoA", "1", "test", true))))
			.containsEntry("r", 0);
		assertThat(bob.awaitEvent("info", callId)).containsEntry("info", Map.of("infoA", "1", "test", true));
		assertThat(bob.request("call.dtmf", body(callId, "digits", "12*#AD"))).containsEntry("r", 0);
		assertThat(alice.awaitEvent("dtmf", callId)).containsEntry("digits", "12*#AD");
		assertThat(alice.request("call.hold", body(callId, "hold", true))).containsEntry("r", 0);
		assertThat(bob.awaitEvent("hold", callId)).containsEntry("hold", true);
	}

	@Test
	void relaysGiveCodes1And10() throws Exception {
		StompTestClient alice = device("alice", "a1");
		device("bob", "b1");
		String callId = call(alice, "bob", 60);

		assertThat(alice.request("call.info", body("call-unknown", "info", Map.of()))).containsEntry("r", 1);
		assertThat(alice.request("call.dtmf", body("call-unknown", "digits", "1"))).containsEntry("r", 1);
		assertThat(alice.request("call.hold", body("call-unknown", "hold", false))).containsEntry("r", 1);
		assertThat(alice.request("call.dtmf", body(callId, "digits", "12x"))).containsEntry("r", 10);
		assertThat(alice.request("call.dtmf", body(callId, "digits", "1".repeat(33)))).containsEntry("r", 10);
		assertThat(alice.request("call.info", body(callId, "info", Map.of("big", "x".repeat(17 * 1024)))))
			.containsEntry("r", 10);
		assertThat(alice.request("call.hold", body(callId))).containsEntry("r", 10);
	}

	@Test
	void transferOfAnAppToAppCallGivesCode4AndAnOfflineTargetCode5() throws Exception {
		StompTestClient alice = device("alice", "a1");
		device("bob", "b1");
		device("carol", "c1");
		String callId = call(alice, "bob", 60);

		assertThat(alice.request("call.transfer", body(callId, "userId", "carol"))).containsEntry("r", 4);
		assertThat(alice.request("call.transfer", body(callId, "userId", "dave"))).containsEntry("r", 5);
		assertThat(alice.request("call.transfer", body("call-unknown", "userId", "carol"))).containsEntry("r", 1);
	}

	@Test
	void customMessageReachesEveryDeviceOfAnOnlineUser() throws Exception {
		StompTestClient alice = device("alice", "a1");
		StompTestClient bob1 = device("bob", "b1");
		StompTestClient bob2 = device("bob", "b2");

		assertThat(alice.request("message.custom", Map.of("toUserId", "bob", "message", Map.of("hello", "bob"))))
			.containsEntry("r", 0);
		assertThat(bob1.await((m) -> "customMessage".equals(m.get("type")))).containsEntry("fromUserId", "alice")
			.containsEntry("message", Map.of("hello", "bob"));
		assertThat(bob2.await((m) -> "customMessage".equals(m.get("type")))).containsEntry("fromUserId", "alice");
		assertThat(alice.request("message.custom", Map.of("toUserId", "dave", "message", Map.of())))
			.containsEntry("r", 5);
	}

	@Test
	void mediaStateIsStoredForEachLeg() throws Exception {
		StompTestClient alice = device("alice", "a1");
		StompTestClient bob = device("bob", "b1");
		String callId = call(alice, "bob", 60);
		bob.request("call.answer", body(callId));

		alice.send("call.mediastate", body(callId, "code", 1));
		bob.send("call.mediastate", body(callId, "code", 2));
		alice.send("call.mediastate", Map.of("requestId", "bad-code", "callId", callId, "code", 7));

		assertThat(alice.await((m) -> "bad-code".equals(m.get("requestId")))).containsEntry("r", 10);
		Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			assertThat(record(callId).getCallerMediaState()).isEqualTo(1);
			assertThat(record(callId).getCalleeMediaState()).isEqualTo(2);
		});
	}

}
