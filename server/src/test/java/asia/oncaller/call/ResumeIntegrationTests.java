package asia.oncaller.call;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import asia.oncaller.tenant.Project;
import asia.oncaller.testsupport.CallTestSupport;
import asia.oncaller.testsupport.StompTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PROTOCOL §2.1 over real WebSockets and PostgreSQL: a device whose connection drops (no
 * DISCONNECT) keeps its calls for the resume window, comes back on a new connection with its
 * resume token, gets what it missed in order, and the other party hears the drop and the
 * return; past the window the call ends as Connection lost. And what a resume token does not
 * let anyone else do. The window is 3 s here, so that the tests of its end are short, and a
 * connection's request rate 5/s, so that a flood meets it even on a slow machine.
 */
@TestPropertySource(properties = { "oncaller.resume.window=3s", "oncaller.signaling.requests-per-second=5" })
@ExtendWith(OutputCaptureExtension.class)
class ResumeIntegrationTests extends CallTestSupport {

	@Test
	void authenCarriesAResumeTokenAndTheWindow() throws Exception {
		StompTestClient alice = device("alice", "a1");
		assertThat(alice.authen()).containsEntry("resumeWindowSeconds", 3);
		assertThat((String) alice.authen().get("resumeToken")).isNotBlank()
			.doesNotContain(alice.connectionId())
			.isNotEqualTo(device("alice", "a2").authen().get("resumeToken"));
	}

	@Test
	void everyCallEventIsNumberedPerReceivingDevice() throws Exception {
		StompTestClient alice = device("alice", "a1");
		StompTestClient bob1 = device("bob", "b1");
		StompTestClient bob2 = device("bob", "b2");
		String callId = call(alice, "bob", 60);
		assertThat(bob1.awaitEvent("incomingCall", callId)).containsEntry("seq", 1);
		assertThat(bob2.awaitEvent("incomingCall", callId)).containsEntry("seq", 1);
		assertThat(alice.awaitEvent("signalingState", callId)).containsEntry("code", 1).containsEntry("seq", 1);

		assertThat(bob1.request("call.answer", body(callId))).containsEntry("r", 0);
		assertThat(alice.await(state(callId, 3))).containsEntry("seq", 2);
		assertThat(bob1.await(state(callId, 3))).containsEntry("seq", 2);
		assertThat(bob2.awaitEvent("otherDevice", callId)).containsEntry("seq", 2);
		assertThat(alice.request("call.hangup", body(callId))).containsEntry("r", 0);
		assertThat(bob1.await(state(callId, 6))).containsEntry("seq", 3);
	}

	@Test
	void aDroppedCallerComesBackGetsWhatItMissedAndTheCallGoesOn(CapturedOutput output) throws Exception {
		StompTestClient alice = device("alice", "a1");
		StompTestClient bob = device("bob", "b1");
		String callId = answered(alice, bob);
		long lastSeq = seqOf(alice.await(state(callId, 3)));
		String resumeToken = (String) alice.authen().get("resumeToken");

		alice.drop();
		assertThat(bob.awaitEvent("peerConnection", callId)).containsEntry("state", "lost");
		assertThat(bob.request("call.info", body(callId, "info", Map.of("note", "one")))).containsEntry("r", 0);
		assertThat(bob.request("call.info", body(callId, "info", Map.of("note", "two")))).containsEntry("r", 0);

		StompTestClient back = deviceBack("alice", "a1", resumeToken);
		Map<String, Object> resumed = back.request("call.resume", body(callId, "lastSeq", lastSeq));
		assertThat(resumed).containsEntry("r", 0).containsEntry("state", 3);
		List<Long> seqs = new ArrayList<>();
		List<Object> notes = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			Map<String, Object> info = back.awaitEvent("info", callId);
			seqs.add(seqOf(info));
			notes.add(((Map<?, ?>) info.get("info")).get("note"));
		}
		assertThat(seqs).containsExactly(lastSeq + 1, lastSeq + 2);
		assertThat(notes).containsExactly("one", "two");
		assertThat(bob.awaitEvent("peerConnection", callId)).containsEntry("state", "restored");

		// The call is the new connection's now: it hangs up, and the call ends once, normally.
		assertThat(back.request("call.hangup", body(callId))).containsEntry("r", 0);
		assertThat(bob.await(state(callId, 6))).containsEntry("reason", "Ended");
		assertThat(record(callId).getStatus()).isEqualTo(CallState.ENDED);
		assertThat(record(callId).getEndReason()).isEqualTo("Ended");
		assertThat(output.getAll()).as("the resume token in a log line").doesNotContain(resumeToken);
	}

	@Test
	void theNewConnectionHoldsTheCallAsTheOldOneDid() throws Exception {
		StompTestClient alice = device("alice", "a1");
		StompTestClient bob = device("bob", "b1");
		String callId = answered(alice, bob);
		String resumeToken = (String) alice.authen().get("resumeToken");
		alice.drop();
		StompTestClient back = deviceBack("alice", "a1", resumeToken);
		assertThat(back.request("call.resume", body(callId, "lastSeq", 0))).containsEntry("r", 0);

		// Its DISCONNECT ends the call at once, as the first connection's would have.
		assertDisconnectEndsAtOnce(back, bob, callId);
	}

	@Test
	void aCallerAwayWhileTheCallIsAnsweredHearsTheAnswerWhenBack() throws Exception {
		StompTestClient alice = device("alice", "a1");
		StompTestClient bob = device("bob", "b1");
		String callId = call(alice, "bob", 60);
		long lastSeq = seqOf(alice.await(state(callId, 1)));
		String resumeToken = dropped(alice, bob, callId);

		assertThat(bob.request("call.answer", body(callId))).containsEntry("r", 0);

		StompTestClient back = deviceBack("alice", "a1", resumeToken);
		assertThat(back.request("call.resume", body(callId, "lastSeq", lastSeq))).containsEntry("r", 0)
			.containsEntry("state", 3);
		assertThat(seqOf(back.await(state(callId, 3)))).isEqualTo(lastSeq + 1);
	}

	@Test
	void aDeviceThatWasOnlyRingingResumesTheRingingCallAndCanAnswerIt() throws Exception {
		StompTestClient alice = device("alice", "a1");
		StompTestClient bob = device("bob", "b1");
		String callId = call(alice, "bob", 60);
		long lastSeq = seqOf(bob.awaitEvent("incomingCall", callId));
		String resumeToken = (String) bob.authen().get("resumeToken");
		bob.drop();
		// Meant for all of bob's devices (such as the caller's offer and candidates): kept for this one.
		assertThat(alice.request("call.info", body(callId, "info", Map.of("note", "while away")))).containsEntry("r", 0);

		StompTestClient back = deviceBack("bob", "b1", resumeToken);
		assertThat(back.request("call.resume", body(callId, "lastSeq", lastSeq))).containsEntry("r", 0)
			.containsEntry("state", record(callId).getStatus().code());
		Map<String, Object> missed = back.awaitEvent("info", callId);
		assertThat(seqOf(missed)).isEqualTo(lastSeq + 1);
		assertThat(((Map<?, ?>) missed.get("info")).get("note")).isEqualTo("while away");
		assertThat(alice.receives((m) -> "peerConnection".equals(m.get("type")), Duration.ofMillis(300)))
			.as("no side of the call was away").isFalse();
		assertThat(back.request("call.answer", body(callId))).containsEntry("r", 0);
		assertThat(alice.await(state(callId, 3))).isNotNull();
		// Answered on its new connection: a second resume with the spent token is refused.
		assertThat(deviceBack("bob", "b1", resumeToken).request("call.resume", body(callId, "lastSeq", 0)))
			.containsEntry("r", 11);
	}

	@Test
	void aDeviceThatDoesNotComeBackInTimeEndsTheCallAsConnectionLost() throws Exception {
		StompTestClient alice = device("alice", "a1");
		StompTestClient bob = device("bob", "b1");
		String callId = answered(alice, bob);
		String resumeToken = dropped(alice, bob, callId);
		assertThat(bob.receives(state(callId, 6), Duration.ofSeconds(2))).as("ended before the window").isFalse();

		assertThat(bob.await(state(callId, 6))).containsEntry("reason", "Connection lost");
		Call ended = record(callId);
		assertThat(ended.getStatus()).isEqualTo(CallState.ENDED);
		assertThat(ended.getEndReason()).isEqualTo("Connection lost");
		// Charged to the end of the window: the answered time ran on while the device was away,
		// and stopped when the window ran out, not when a sweep (every 500 ms) came to see.
		assertThat(Duration.between(ended.timing().answeredAt(), ended.timing().endedAt()))
			.isGreaterThanOrEqualTo(Duration.ofSeconds(3));
		assertThat(ended.timing().endedAt()).as("the record ends at the caller's deadline")
			.isEqualTo(ended.awayUntil(true));
		Duration billable = Duration.between(ended.timing().answeredAt(), ended.awayUntil(true));
		assertThat(ended.money().billedSeconds()).as("billed up to the deadline, rounded up to the second")
			.isEqualTo((int) (billable.toSeconds() + ((billable.toNanosPart() > 0) ? 1 : 0)));

		StompTestClient late = deviceBack("alice", "a1", resumeToken);
		assertThat(late.request("call.resume", body(callId, "lastSeq", 0))).containsEntry("r", 1)
			.containsEntry("state", 6)
			.containsEntry("reason", "Connection lost");
	}

	@Test
	void aDisconnectStillEndsTheCallAtOnce() throws Exception {
		StompTestClient alice = device("alice", "a1");
		StompTestClient bob = device("bob", "b1");
		String callId = answered(alice, bob);
		assertDisconnectEndsAtOnce(alice, bob, callId);
	}

	@Test
	void aResumeTokenLetsNobodyElseTakeTheCall() throws Exception {
		StompTestClient alice = device("alice", "a1");
		StompTestClient bob = device("bob", "b1");
		String callId = answered(alice, bob);
		String token = dropped(alice, bob, callId);

		// Another user of the project, the user's other device, the device with no token or an
		// altered one, and a user of another tenant with the same names: 11, and nothing moves.
		Project other = this.tenants.create(this.answerUrl.url(), BigDecimal.ZERO).project;
		List<StompTestClient> intruders = List.of(deviceBack("mallory", "a1", token), deviceBack("alice", "a2", token),
				deviceBack("alice", "a1", null), deviceBack("alice", "a1", altered(token)),
				deviceBack("alice", "a1", "not-a-token"), deviceBack(other, "alice", "a1", token));
		for (StompTestClient intruder : intruders) {
			assertThat(intruder.request("call.resume", body(callId, "lastSeq", 0))).as(intruder.connectionId())
				.containsEntry("r", 11);
		}
		assertThat(bob.receives((m) -> "peerConnection".equals(m.get("type")), Duration.ofMillis(300))).isFalse();
		// The device itself still can, once: its token then names a connection that holds nothing.
		assertThat(deviceBack("alice", "a1", token).request("call.resume", body(callId, "lastSeq", 0)))
			.containsEntry("r", 0);
		assertThat(deviceBack("alice", "a1", token).request("call.resume", body(callId, "lastSeq", 0)))
			.containsEntry("r", 11);
	}

	@Test
	void aResumeOfACallThatDoesNotExistOrWithABadBodyChangesNothing() throws Exception {
		StompTestClient alice = device("alice", "a1");
		String token = (String) alice.authen().get("resumeToken");
		StompTestClient back = deviceBack("alice", "a1", token);
		assertThat(back.request("call.resume", body("call-unknown", "lastSeq", 0))).containsEntry("r", 1)
			.doesNotContainKey("state");
		assertThat(back.request("call.resume", body("call-unknown", "lastSeq", -1))).containsEntry("r", 10);
		// Past a long: found by the request-body fuzz suite, which got r=13 for it.
		assertThat(back.request("call.resume", body("call-unknown", "lastSeq", 9.3e18))).containsEntry("r", 10);
		assertThat(back.request("call.resume", Map.of("lastSeq", 0))).containsEntry("r", 10);
	}

	@Test
	void aFloodOfResumesIsRateLimitedAndChangesNothing() throws Exception {
		StompTestClient alice = device("alice", "a1");
		StompTestClient bob = device("bob", "b1");
		String callId = answered(alice, bob);
		StompTestClient mallory = deviceBack("mallory", "m1", (String) alice.authen().get("resumeToken"));

		List<Map<String, Object>> replies = flood(List.of(mallory), 200, "call.resume", body(callId, "lastSeq", 0));
		assertThat(replies).extracting((reply) -> reply.get("r")).contains(12).containsOnly(11, 12);
		assertThat(bob.receives((m) -> "peerConnection".equals(m.get("type")), Duration.ofMillis(300))).isFalse();
		assertThat(alice.request("call.hangup", body(callId))).containsEntry("r", 0);
	}

	/** alice calls bob and bob answers; returns the call id. */
	private String answered(StompTestClient alice, StompTestClient bob) throws InterruptedException {
		String callId = call(alice, "bob", 60);
		assertThat(bob.request("call.answer", body(callId))).containsEntry("r", 0);
		return callId;
	}

	/**
	 * The device's connection drops (no DISCONNECT) and the other party hears it; returns the
	 * resume token the device was given on that connection.
	 */
	private static String dropped(StompTestClient device, StompTestClient other, String callId) throws Exception {
		String resumeToken = (String) device.authen().get("resumeToken");
		device.drop();
		assertThat(other.awaitEvent("peerConnection", callId)).containsEntry("state", "lost");
		return resumeToken;
	}

	/** The device says DISCONNECT and closes: the other party hears the end at once. */
	private void assertDisconnectEndsAtOnce(StompTestClient leaving, StompTestClient other, String callId)
			throws InterruptedException {
		leaving.close();
		assertThat(other.receives(state(callId, 6), Duration.ofSeconds(2))).isTrue();
		assertThat(record(callId).getEndReason()).isEqualTo("Connection lost");
	}

	/**
	 * The token with one character of its MAC changed: not the last, whose lowest bits base64
	 * leaves unused, so that changing it can leave the decoded bytes as they were.
	 */
	private static String altered(String token) {
		int at = token.length() - 2;
		char changed = (token.charAt(at) == 'A') ? 'B' : 'A';
		return token.substring(0, at) + changed + token.substring(at + 1);
	}

	private static long seqOf(Map<String, Object> event) {
		return ((Number) event.get("seq")).longValue();
	}

	private static Predicate<Map<String, Object>> state(String callId, int code) {
		return (m) -> "signalingState".equals(m.get("type")) && callId.equals(m.get("callId"))
				&& Integer.valueOf(code).equals(m.get("code"));
	}

}
