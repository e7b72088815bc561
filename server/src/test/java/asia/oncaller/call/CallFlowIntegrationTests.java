package asia.oncaller.call;

import asia.oncaller.TestTenants;
import asia.oncaller.testsupport.CallTestSupport;
import asia.oncaller.testsupport.StompTestClient;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

import asia.oncaller.call.Call;
import asia.oncaller.call.CallState;
import asia.oncaller.tenant.Project;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verbs on a live app-to-app call over real WebSockets and PostgreSQL: ringing, answer,
 * reject and hangup with each documented code made to happen, who hears what, and the call
 * record each ending writes.
 */
class CallFlowIntegrationTests extends CallTestSupport {

	@Test
	void ringingTellsTheCallerOnce() throws Exception {
		StompTestClient alice = device("alice", "a1");
		StompTestClient bob = device("bob", "b1");
		String callId = call(alice, "bob", 60);

		assertThat(bob.request("call.ringing", body(callId))).containsEntry("r", 0);
		assertThat(alice.awaitEvent("signalingState", callId)).containsEntry("code", 1);
		assertThat(alice.awaitEvent("signalingState", callId)).containsEntry("code", 2).containsEntry("reason", "Ringing");
		assertThat(record(callId).timing().ringingAt()).isNotNull();
	}

	@Test
	void ringingGivesCodes1And2And11() throws Exception {
		StompTestClient alice = device("alice", "a1");
		StompTestClient bob1 = device("bob", "b1");
		StompTestClient bob2 = device("bob", "b2");
		String callId = call(alice, "bob", 60);

		assertThat(bob1.request("call.ringing", body("call-unknown"))).containsEntry("r", 1);
		assertThat(alice.request("call.ringing", body(callId))).containsEntry("r", 11);
		assertThat(bob1.request("call.answer", body(callId))).containsEntry("r", 0);
		assertThat(bob2.request("call.ringing", body(callId))).containsEntry("r", 2);
	}

	@Test
	void answerTellsBothLegsAndReleasesTheOtherDevices() throws Exception {
		StompTestClient alice = device("alice", "a1");
		StompTestClient bob1 = device("bob", "b1");
		StompTestClient bob2 = device("bob", "b2");
		String callId = call(alice, "bob", 60);

		assertThat(bob1.request("call.answer", body(callId))).containsEntry("r", 0);

		assertThat(alice.await((m) -> "signalingState".equals(m.get("type")) && Integer.valueOf(3).equals(m.get("code"))))
			.containsEntry("reason", "Answered");
		assertThat(bob1.awaitEvent("signalingState", callId)).containsEntry("code", 3);
		Map<String, Object> released = bob2.awaitEvent("otherDevice", callId);
		assertThat(released).containsEntry("code", 200);
		assertThat(data(released)).containsEntry("type", "CALL_STATE").containsEntry("code", 200);
		Call call = record(callId);
		assertThat(call.getStatus()).isEqualTo(CallState.ANSWERED);
		assertThat(call.parties().answeredDeviceId()).isEqualTo("b1");
		assertThat(call.timing().answeredAt()).isNotNull();
	}

	@Test
	void answerGivesCodes1And3And11() throws Exception {
		StompTestClient alice = device("alice", "a1");
		StompTestClient bob = device("bob", "b1");
		StompTestClient carol = device("carol", "c1");
		String callId = call(alice, "bob", 60);

		assertThat(bob.request("call.answer", body("call-unknown"))).containsEntry("r", 1);
		assertThat(carol.request("call.answer", body(callId))).containsEntry("r", 11);
		assertThat(alice.request("call.hangup", body(callId))).containsEntry("r", 0);
		assertThat(bob.request("call.answer", body(callId))).containsEntry("r", 3);
	}

	@Test
	void userOfAnotherProjectGetsCode11() throws Exception {
		StompTestClient alice = device("alice", "a1");
		device("bob", "b1");
		String callId = call(alice, "bob", 60);
		Project other = this.tenants.create(this.answerUrl.url(), BigDecimal.ZERO).project;
		StompTestClient foreignBob = device(other, "bob", "x1");

		assertThat(foreignBob.request("call.answer", body(callId))).containsEntry("r", 11);
		assertThat(foreignBob.request("call.hangup", body(callId))).containsEntry("r", 11);
		assertThat(record(callId).getStatus()).isEqualTo(CallState.CALLING);
	}

	@Test
	void rejectEndsTheCallAsBusyForTheCaller() throws Exception {
		StompTestClient alice = device("alice", "a1");
		StompTestClient bob1 = device("bob", "b1");
		StompTestClient bob2 = device("bob", "b2");
		String callId = call(alice, "bob", 60);

		assertThat(bob1.request("call.reject", body(callId))).containsEntry("r", 0);

		assertThat(alice.await((m) -> "signalingState".equals(m.get("type")) && Integer.valueOf(5).equals(m.get("code"))))
			.containsEntry("reason", "Busy here")
			.containsEntry("sipCode", 486);
		assertThat(bob2.awaitEvent("otherDevice", callId)).containsEntry("code", 486);
		Call call = record(callId);
		assertThat(call.getStatus()).isEqualTo(CallState.BUSY);
		assertThat(call.getEndReason()).isEqualTo("Busy here");
		assertThat(call.getSipCode()).isEqualTo(486);
		assertThat(call.timing().endedAt()).isNotNull();
	}

	@Test
	void rejectGivesCodes1And2() throws Exception {
		StompTestClient alice = device("alice", "a1");
		StompTestClient bob1 = device("bob", "b1");
		StompTestClient bob2 = device("bob", "b2");
		String callId = call(alice, "bob", 60);

		assertThat(bob1.request("call.reject", body("call-unknown"))).containsEntry("r", 1);
		assertThat(bob1.request("call.answer", body(callId))).containsEntry("r", 0);
		assertThat(bob2.request("call.reject", body(callId))).containsEntry("r", 2);
	}

	@Test
	void callerHangupBeforeAnswerStopsEveryRingingDevice() throws Exception {
		StompTestClient alice = device("alice", "a1");
		StompTestClient bob1 = device("bob", "b1");
		StompTestClient bob2 = device("bob", "b2");
		String callId = call(alice, "bob", 60);

		assertThat(alice.request("call.hangup", body(callId))).containsEntry("r", 0);

		assertThat(bob1.await((m) -> "signalingState".equals(m.get("type")))).containsEntry("code", 6);
		assertThat(bob2.await((m) -> "signalingState".equals(m.get("type")))).containsEntry("code", 6);
		assertThat(record(callId).getEndReason()).isEqualTo("Canceled");
	}

	@Test
	void calleeHangupAfterAnswerEndsTheCallAndWritesTheRecord() throws Exception {
		StompTestClient alice = device("alice", "a1");
		StompTestClient bob1 = device("bob", "b1");
		StompTestClient bob2 = device("bob", "b2");
		String callId = call(alice, "bob", 60);
		bob1.request("call.ringing", body(callId));
		bob1.request("call.answer", body(callId));

		assertThat(bob2.request("call.hangup", body(callId))).containsEntry("r", 2);
		assertThat(bob1.request("call.hangup", body(callId))).containsEntry("r", 0);
		assertThat(bob1.request("call.hangup", body(callId))).containsEntry("r", 1);

		assertThat(alice.await((m) -> "signalingState".equals(m.get("type")) && Integer.valueOf(6).equals(m.get("code"))))
			.containsEntry("reason", "Ended");
		assertThat(data(bob2.await((m) -> "otherDevice".equals(m.get("type")) && m.get("code") == null)))
			.containsEntry("type", "CALL_END");
		Call call = record(callId);
		assertThat(call.getStatus()).isEqualTo(CallState.ENDED);
		assertThat(call.timing().createdAt()).isNotNull();
		assertThat(call.timing().ringingAt()).isAfterOrEqualTo(call.timing().createdAt());
		assertThat(call.timing().answeredAt()).isAfterOrEqualTo(call.timing().ringingAt());
		assertThat(call.timing().endedAt()).isAfterOrEqualTo(call.timing().answeredAt());
		assertThat(call.parties().fromUserId()).isEqualTo("alice");
		assertThat(call.parties().toNumber()).isEqualTo("bob");
		assertThat(call.getCustomData()).isEqualTo("order-42");
	}

	@Test
	void twoDevicesAnsweringAtOnceHaveExactlyOneWinnerEveryTime() throws Exception {
		StompTestClient alice = device("alice", "a1");
		StompTestClient bob1 = device("bob", "b1");
		StompTestClient bob2 = device("bob", "b2");
		StompTestClient bob3 = device("bob", "b3");
		for (int i = 0; i < 20; i++) {
			int round = i;
			String callId = call(alice, "bob", 60);
			bob1.awaitEvent("incomingCall", callId);
			bob2.awaitEvent("incomingCall", callId);
			bob3.awaitEvent("incomingCall", callId);

			bob1.send("call.answer", Map.of("requestId", "race-1-" + round, "callId", callId));
			bob2.send("call.answer", Map.of("requestId", "race-2-" + round, "callId", callId));
			int r1 = (int) bob1.await((m) -> ("race-1-" + round).equals(m.get("requestId"))).get("r");
			int r2 = (int) bob2.await((m) -> ("race-2-" + round).equals(m.get("requestId"))).get("r");

			assertThat(new int[] { r1, r2 }).as("round %d", round).containsExactlyInAnyOrder(0, 2);
			assertThat(bob3.awaitEvent("otherDevice", callId)).containsEntry("code", 200);
			StompTestClient loser = (r1 == 0) ? bob2 : bob1;
			assertThat(loser.awaitEvent("otherDevice", callId)).containsEntry("code", 200);
			assertThat(record(callId).parties().answeredDeviceId()).isEqualTo((r1 == 0) ? "b1" : "b2");
			assertThat(alice.request("call.hangup", body(callId))).containsEntry("r", 0);
		}
	}

	@Test
	void answerAndHangupAtOnceEndTheCallOnceAsWhicheverCameFirst() throws Exception {
		StompTestClient alice = device("alice", "a1");
		StompTestClient bob = device("bob", "b1");
		for (int i = 0; i < 20; i++) {
			int round = i;
			String callId = call(alice, "bob", 60);
			bob.awaitEvent("incomingCall", callId);

			bob.send("call.answer", Map.of("requestId", "answer-" + round, "callId", callId));
			alice.send("call.hangup", Map.of("requestId", "hangup-" + round, "callId", callId));
			int answered = (int) bob.await((m) -> ("answer-" + round).equals(m.get("requestId"))).get("r");
			int hungUp = (int) alice.await((m) -> ("hangup-" + round).equals(m.get("requestId"))).get("r");

			Call call = record(callId);
			assertThat(hungUp).as("round %d", round).isZero();
			assertThat(call.getStatus()).isEqualTo(CallState.ENDED);
			if (answered == 0) {
				assertThat(call.getEndReason()).as("round %d", round).isEqualTo("Ended");
				assertThat(call.timing().answeredAt()).isNotNull();
			}
			else {
				assertThat(answered).as("round %d", round).isEqualTo(3);
				assertThat(call.getEndReason()).as("round %d", round).isEqualTo("Canceled");
				assertThat(call.timing().answeredAt()).isNull();
			}
			assertThat(call.money().isBilled(CallCharging.chargeOf(call))).isTrue();
		}
	}

	@Test
	void bothPartiesHangingUpAtOnceEndTheCallOnce() throws Exception {
		StompTestClient alice = device("alice", "a1");
		StompTestClient bob = device("bob", "b1");
		for (int i = 0; i < 20; i++) {
			int round = i;
			String callId = call(alice, "bob", 60);
			assertThat(bob.request("call.answer", body(callId))).containsEntry("r", 0);

			bob.send("call.hangup", Map.of("requestId", "bob-" + round, "callId", callId));
			alice.send("call.hangup", Map.of("requestId", "alice-" + round, "callId", callId));
			int byBob = (int) bob.await((m) -> ("bob-" + round).equals(m.get("requestId"))).get("r");
			int byAlice = (int) alice.await((m) -> ("alice-" + round).equals(m.get("requestId"))).get("r");

			assertThat(new int[] { byBob, byAlice }).as("round %d", round).containsExactlyInAnyOrder(0, 1);
			Call call = record(callId);
			assertThat(call.getEndReason()).isEqualTo("Ended");
			assertThat(call.money().isBilled(CallCharging.chargeOf(call))).isTrue();
		}
	}

	@Test
	void unansweredCallEndsWithNoAnswerAfterTheSccoTimeout() throws Exception {
		StompTestClient alice = device("alice", "a1");
		StompTestClient bob = device("bob", "b1");
		String callId = call(alice, "bob", 1);

		assertThat(bob.await((m) -> "signalingState".equals(m.get("type")))).containsEntry("code", 6)
			.containsEntry("reason", "No answer");
		assertThat(alice.await((m) -> "signalingState".equals(m.get("type")) && Integer.valueOf(6).equals(m.get("code"))))
			.containsEntry("reason", "No answer");
		assertThat(record(callId).getEndReason()).isEqualTo("No answer");
	}

	@Test
	void callerWhoseConnectionClosesEndsTheCall() throws Exception {
		assertClosingEndsTheCall(true);
	}

	@Test
	void calleeWhoseConnectionClosesEndsTheCall() throws Exception {
		assertClosingEndsTheCall(false);
	}

	/** One side of an answered call closes its connection (with a DISCONNECT): the other hears the end. */
	private void assertClosingEndsTheCall(boolean callerCloses) throws Exception {
		StompTestClient alice = device("alice", "a1");
		StompTestClient bob = device("bob", "b1");
		String callId = call(alice, "bob", 60);
		assertThat(bob.request("call.answer", body(callId))).containsEntry("r", 0);

		(callerCloses ? alice : bob).close();

		assertThat((callerCloses ? bob : alice)
			.await((m) -> "signalingState".equals(m.get("type")) && Integer.valueOf(6).equals(m.get("code"))))
			.containsEntry("reason", "Connection lost");
		assertThat(record(callId).getStatus()).isEqualTo(CallState.ENDED);
	}

	@Test
	void endedCallIsNotEndedTwice() throws Exception {
		StompTestClient alice = device("alice", "a1");
		StompTestClient bob = device("bob", "b1");
		String callId = call(alice, "bob", 60);
		bob.request("call.answer", body(callId));

		assertThat(alice.request("call.hangup", body(callId))).containsEntry("r", 0);
		assertThat(alice.request("call.hangup", body(callId))).containsEntry("r", 1);
		assertThat(bob.receives((m) -> "signalingState".equals(m.get("type")) && Integer.valueOf(6).equals(m.get("code")),
				Duration.ofSeconds(1)))
			.isTrue();
		assertThat(bob.receives((m) -> "signalingState".equals(m.get("type")) && Integer.valueOf(6).equals(m.get("code")),
				Duration.ofMillis(500)))
			.isFalse();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> data(Map<String, Object> event) {
		return (Map<String, Object>) event.get("data");
	}

}
