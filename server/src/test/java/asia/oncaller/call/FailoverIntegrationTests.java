package asia.oncaller.call;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import asia.oncaller.WebhookReceiver;
import asia.oncaller.call.Call;
import asia.oncaller.call.CallState;
import asia.oncaller.outbound.RequestSigner;
import asia.oncaller.tenant.ProjectRepository;
import asia.oncaller.testsupport.AnswerUrlServer;
import asia.oncaller.testsupport.CallTestSupport;
import asia.oncaller.testsupport.CustomerEventServer;
import asia.oncaller.testsupport.StompTestClient;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * continueOnFail over real WebSockets, PostgreSQL and a real onFailEventUrl on loopback: an
 * offline, busy or silent app user makes the server ask the onFailEventUrl, whose connect rings
 * another user on the same call; every way that request can fail, and the bound on a chain, end
 * the call exactly as it ends without failover.
 */
@TestPropertySource(properties = { "oncaller.control.answer-url-timeout=1s", "oncaller.call.max-failovers=2" })
class FailoverIntegrationTests extends CallTestSupport {

	@Autowired
	ProjectRepository projects;

	private CustomerEventServer onFail;

	@BeforeEach
	void startOnFailEventUrl() throws Exception {
		this.onFail = new CustomerEventServer();
	}

	@AfterEach
	void stopOnFailEventUrl() {
		this.onFail.close();
	}

	@Test
	void offlineCalleeFailsOverToAnOnlineUserWhoAnswers() throws Exception {
		StompTestClient alice = device("alice", "a1");
		StompTestClient carol = device("carol", "c1");
		this.onFail.respond(200, connect("carol", 60, false));
		String callId = callWithFailover(alice, "bob", 60);

		assertThat(carol.awaitEvent("incomingCall", callId)).containsEntry("fromNumber", "alice")
			.containsEntry("toNumber", "carol")
			.containsEntry("customDataFromYourServer", "from-failover");
		assertThat(carol.request("call.ringing", body(callId))).containsEntry("r", 0);
		assertThat(alice.await(state(callId, 2))).containsEntry("reason", "Ringing");
		assertThat(carol.request("call.answer", body(callId))).containsEntry("r", 0);
		assertThat(alice.await(state(callId, 3))).containsEntry("reason", "Answered");

		Map<String, Object> report = this.onFail.requests().get(0).json();
		assertThat(report).containsEntry("call_status", "connect_failed")
			.containsEntry("reason", "not_online")
			.containsEntry("sipCode", 480)
			.containsEntry("call_id", callId)
			.containsEntry("project_id", this.project.getId())
			.containsEntry("account_id", this.project.getAccountId())
			.containsEntry("from_user_id", "alice")
			.containsKey("start_time");
		assertThat(endpoint(report.get("to"))).containsEntry("type", "internal").containsEntry("number", "bob");
		assertThat(endpoint(report.get("from"))).containsEntry("number", "alice");
		Call call = record(callId);
		assertThat(call.getStatus()).isEqualTo(CallState.ANSWERED);
		assertThat(call.parties().toNumber()).isEqualTo("carol");
		assertThat(call.parties().toUserId()).isEqualTo("carol");
		assertThat(call.parties().answeredDeviceId()).isEqualTo("c1");
		assertThat(call.failover().failoverCount()).isEqualTo(1);
		assertThat(call.failover().failReason()).isNull();
		assertThat(alice.request("call.hangup", body(callId))).containsEntry("r", 0);
		assertThat(carol.await(state(callId, 6))).containsEntry("reason", "Ended");
	}

	@Test
	void rejectRepliesAtOnceAndFailsOverAfterwards() throws Exception {
		StompTestClient alice = device("alice", "a1");
		StompTestClient bob1 = device("bob", "b1");
		StompTestClient bob2 = device("bob", "b2");
		StompTestClient carol = device("carol", "c1");
		this.onFail.respond(200, connect("carol", 60, false));
		this.onFail.hold();
		String callId = callWithFailover(alice, "bob", 60);
		alice.await(state(callId, 1));
		bob1.awaitEvent("incomingCall", callId);

		assertThat(bob1.request("call.reject", body(callId))).containsEntry("r", 0);
		assertThat(bob2.awaitEvent("otherDevice", callId)).containsEntry("code", 486);
		Awaitility.await().atMost(StompTestClient.WAIT).until(() -> !this.onFail.requests().isEmpty());
		assertThat(bob2.request("call.answer", body(callId))).containsEntry("r", 3);
		assertThat(bob2.request("call.reject", body(callId))).containsEntry("r", 1);
		this.onFail.release();

		assertThat(carol.awaitEvent("incomingCall", callId)).containsEntry("toNumber", "carol");
		assertThat(alice.await(state(callId, 1))).containsEntry("reason", "Calling");
		assertThat(carol.request("call.answer", body(callId))).containsEntry("r", 0);
		assertThat(alice.await(state(callId, 3))).containsEntry("reason", "Answered");
		assertThat(this.onFail.requests().get(0).json()).containsEntry("reason", "busy").containsEntry("sipCode", 486);
		assertThat(alice.unconsumed()).noneMatch(state(callId, 5));
		assertThat(record(callId).parties().answeredDeviceId()).isEqualTo("c1");
	}

	@Test
	void unansweredCalleeStopsRingingAndTheCallFailsOver() throws Exception {
		StompTestClient alice = device("alice", "a1");
		StompTestClient bob = device("bob", "b1");
		StompTestClient carol = device("carol", "c1");
		this.onFail.respond(200, connect("carol", 60, false));
		String callId = callWithFailover(alice, "bob", 1);
		alice.await(state(callId, 1));
		assertThat(bob.request("call.ringing", body(callId))).containsEntry("r", 0);
		assertThat(alice.await(state(callId, 2))).isNotNull();

		assertThat(bob.await(state(callId, 6))).containsEntry("reason", "No answer").containsEntry("sipCode", 480);
		assertThat(carol.awaitEvent("incomingCall", callId)).containsEntry("toNumber", "carol");
		assertThat(alice.await(state(callId, 1))).containsEntry("reason", "Calling");
		assertThat(this.onFail.requests().get(0).json()).containsEntry("reason", "no_answer")
			.containsEntry("sipCode", 480);
		assertThat(carol.request("call.answer", body(callId))).containsEntry("r", 0);
		assertThat(alice.await(state(callId, 3))).isNotNull();
		assertThat(record(callId).timing().ringingAt()).isNull();
	}

	@Test
	void newCalleeGetsTheOfferAndCandidatesTheCallerSentTheCalleeThatFailed() throws Exception {
		StompTestClient alice = device("alice", "a1");
		StompTestClient bob = device("bob", "b1");
		StompTestClient carol = device("carol", "c1");
		this.onFail.respond(200, connect("carol", 60, false));
		String callId = callWithFailover(alice, "bob", 60);
		bob.awaitEvent("incomingCall", callId);
		Map<String, Object> offer = Map.of("type", "offer", "sdp", "v=0 alice");
		Map<String, Object> candidate = Map.of("candidate", "candidate:1 1 udp 1 127.0.0.1 5000 typ host", "sdpMid",
				"0", "sdpMLineIndex", 0);
		alice.send("call.sdp", Map.of("callId", callId, "sdp", offer));
		alice.send("call.candidate", Map.of("callId", callId, "candidate", candidate));
		bob.awaitEvent("sdp", callId);
		bob.awaitEvent("candidate", callId);

		assertThat(bob.request("call.reject", body(callId))).containsEntry("r", 0);

		carol.awaitEvent("incomingCall", callId);
		assertThat(carol.awaitEvent("sdp", callId)).containsEntry("sdp", offer).containsEntry("deviceId", "a1");
		assertThat(carol.awaitEvent("candidate", callId)).containsEntry("candidate", candidate)
			.containsEntry("deviceId", "a1");
		assertThat(carol.request("call.answer", body(callId))).containsEntry("r", 0);
		carol.send("call.sdp", Map.of("callId", callId, "sdp", Map.of("type", "answer", "sdp", "v=0 carol")));
		assertThat(alice.awaitEvent("sdp", callId)).containsEntry("deviceId", "c1");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "http-500", "garbage", "empty", "timeout", "refused-address", "connection-refused",
			"not-a-connect", "phone-connect" })
	void failedOnFailEventUrlEndsTheRejectedCallAsBusy(String failure) throws Exception {
		StompTestClient alice = device("alice", "a1");
		StompTestClient bob = device("bob", "b1");
		StompTestClient carol = device("carol", "c1");
		String url = failWith(failure);
		this.answerUrl.respond(connectToUserWithFailover("bob", 60, url));
		String callId = make(alice, "bob");
		bob.awaitEvent("incomingCall", callId);

		assertThat(bob.request("call.reject", body(callId))).containsEntry("r", 0);

		assertThat(alice.await(state(callId, 5))).containsEntry("reason", "Busy here").containsEntry("sipCode", 486);
		Call call = record(callId);
		assertThat(call.getStatus()).isEqualTo(CallState.BUSY);
		assertThat(call.getEndReason()).isEqualTo("Busy here");
		assertThat(call.getSipCode()).isEqualTo(486);
		assertThat(call.parties().toNumber()).isEqualTo("bob");
		assertThat(call.money().billedSeconds()).isZero();
		assertThat(call.failover().failoverCount()).isZero();
		assertThat(carol.receives((m) -> "incomingCall".equals(m.get("type")), Duration.ofMillis(300))).isFalse();
		assertThat(bob.unconsumed()).noneMatch(state(callId, 5));
	}

	@Test
	void failedOnFailEventUrlEndsTheOfflineCallAsNotOnline() throws Exception {
		StompTestClient alice = device("alice", "a1");
		this.onFail.respond(500, "");
		String callId = callWithFailover(alice, "bob", 60);

		assertThat(alice.await(state(callId, 6))).containsEntry("reason", "Callee not online")
			.containsEntry("sipCode", 480);
		Call call = record(callId);
		assertThat(call.getStatus()).isEqualTo(CallState.ENDED);
		assertThat(call.getEndReason()).isEqualTo("Callee not online");
		assertThat(call.getSipCode()).isEqualTo(480);
		assertThat(this.onFail.requests()).hasSize(1);
	}

	@Test
	void failedOnFailEventUrlEndsTheUnansweredCallAsNoAnswer() throws Exception {
		StompTestClient alice = device("alice", "a1");
		StompTestClient bob = device("bob", "b1");
		this.onFail.respond(200, "not json");
		String callId = callWithFailover(alice, "bob", 1);

		assertThat(alice.await(state(callId, 6))).containsEntry("reason", "No answer").containsEntry("sipCode", 480);
		assertThat(bob.await(state(callId, 6))).containsEntry("reason", "No answer");
		Call call = record(callId);
		assertThat(call.getStatus()).isEqualTo(CallState.ENDED);
		assertThat(call.getEndReason()).isEqualTo("No answer");
		assertThat(call.getSipCode()).isEqualTo(480);
	}

	@Test
	void callerHangingUpDuringTheFailoverWins() throws Exception {
		StompTestClient alice = device("alice", "a1");
		StompTestClient bob = device("bob", "b1");
		StompTestClient carol = device("carol", "c1");
		this.onFail.respond(200, connect("carol", 60, false));
		this.onFail.hold();
		String callId = callWithFailover(alice, "bob", 60);
		bob.awaitEvent("incomingCall", callId);
		assertThat(bob.request("call.reject", body(callId))).containsEntry("r", 0);
		Awaitility.await().atMost(StompTestClient.WAIT).until(() -> !this.onFail.requests().isEmpty());

		assertThat(alice.request("call.hangup", body(callId))).containsEntry("r", 0);
		this.onFail.release();

		assertThat(alice.await(state(callId, 6))).containsEntry("reason", "Canceled");
		Awaitility.await()
			.during(Duration.ofSeconds(1))
			.until(() -> record(callId).parties().toNumber().equals("bob")
					&& record(callId).failover().failoverCount() == 0);
		assertThat(record(callId).getEndReason()).isEqualTo("Canceled");
		assertThat(carol.receives((m) -> "incomingCall".equals(m.get("type")), Duration.ofMillis(300))).isFalse();
		assertThat(bob.unconsumed()).noneMatch(state(callId, 6));
	}

	@Test
	void eventUrlHearsTheRetargetAndEndingsStayAsWithoutFailover() throws Exception {
		try (WebhookReceiver receiver = new WebhookReceiver()) {
			this.project.setEventUrl(receiver.url());
			this.projects.save(this.project);
			StompTestClient alice = device("alice", "a1");
			StompTestClient bob = device("bob", "b1");
			StompTestClient carol = device("carol", "c1");
			this.onFail.respond(200, connect("carol", 60, false));
			String retargeted = callWithFailover(alice, "bob", 60);
			bob.awaitEvent("incomingCall", retargeted);
			bob.request("call.reject", body(retargeted));
			carol.awaitEvent("incomingCall", retargeted);
			carol.request("call.answer", body(retargeted));
			alice.request("call.hangup", body(retargeted));
			this.onFail.respond(500, "");
			String failed = callWithFailover(alice, "bob", 60);
			bob.awaitEvent("incomingCall", failed);
			bob.request("call.reject", body(failed));
			alice.await(state(failed, 5));

			Awaitility.await().atMost(StompTestClient.WAIT).until(() -> receiver.delivered().size() >= 6);
			List<Map<String, Object>> first = events(receiver, retargeted);
			assertThat(first).extracting((e) -> e.get("type"))
				.containsExactly("created", "retargeted", "answered", "ended");
			assertThat(first.get(1)).containsEntry("failReason", "busy");
			assertThat(endpoint(first.get(1).get("previousTo"))).containsEntry("number", "bob");
			assertThat(endpoint(first.get(1).get("to"))).containsEntry("number", "carol");
			assertThat(first.get(3)).containsEntry("endReason", "Ended").containsEntry("endedBy", "caller");
			List<Map<String, Object>> second = events(receiver, failed);
			assertThat(second).extracting((e) -> e.get("type")).containsExactly("created", "ended");
			assertThat(second.get(1)).containsEntry("endReason", "Busy here")
				.containsEntry("sipCode", 486)
				.containsEntry("endedBy", "callee")
				.containsEntry("status", "BUSY");
		}
	}

	@Test
	void withoutContinueOnFailNothingIsAsked() throws Exception {
		StompTestClient alice = device("alice", "a1");
		StompTestClient bob = device("bob", "b1");
		this.answerUrl.respond("""
				[{"action":"connect","from":{"type":"internal","number":"alice"},
				  "to":{"type":"internal","number":"bob"},"continueOnFail":false,"onFailEventUrl":"%s"}]"""
			.formatted(this.onFail.url()));
		String callId = make(alice, "bob");
		bob.awaitEvent("incomingCall", callId);

		assertThat(bob.request("call.reject", body(callId))).containsEntry("r", 0);

		assertThat(alice.await(state(callId, 5))).containsEntry("sipCode", 486);
		assertThat(record(callId).getStatus()).isEqualTo(CallState.BUSY);
		Awaitility.await().during(Duration.ofSeconds(1)).until(() -> this.onFail.requests().isEmpty());
	}

	@Test
	void onFailEventUrlRequestIsSignedWithTheProjectSecret() throws Exception {
		StompTestClient alice = device("alice", "a1");
		this.onFail.respond(500, "");
		String callId = callWithFailover(alice, "bob", 60);
		alice.await(state(callId, 6));

		CustomerEventServer.Request request = this.onFail.requests().get(0);
		long timestamp = Long.parseLong(request.headers().get("x-oncaller-timestamp"));
		assertThat(request.headers()).containsEntry("content-type", "application/json");
		assertThat(request.headers().get("x-oncaller-signature")).isEqualTo(RequestSigner
			.headers(this.project.getSigningSecret(), timestamp, "POST", request.url(), request.body())
			.get(RequestSigner.SIGNATURE_HEADER));
	}

	@Test
	void chainOfFailoversEndsAtTheBound() throws Exception {
		StompTestClient alice = device("alice", "a1");
		// Every answer sends the call to another offline user, who fails over again.
		this.onFail.respond(200, connect("dave", 60, true));
		String callId = callWithFailover(alice, "bob", 60);

		assertThat(alice.await(state(callId, 6))).containsEntry("reason", "Callee not online")
			.containsEntry("sipCode", 480);
		assertThat(this.onFail.requests()).hasSize(2);
		assertThat(this.onFail.requests().get(1).json()).containsEntry("failover_count", 1);
		assertThat(endpoint(this.onFail.requests().get(1).json().get("to"))).containsEntry("number", "dave");
		Call call = record(callId);
		assertThat(call.failover().failoverCount()).isEqualTo(2);
		assertThat(call.parties().toNumber()).isEqualTo("dave");
		assertThat(call.getEndReason()).isEqualTo("Callee not online");
	}

	/** Alice calls {@code callee} through a connect with continueOnFail to this test's onFailEventUrl. */
	private String callWithFailover(StompTestClient caller, String callee, int timeout) throws InterruptedException {
		this.answerUrl.respond(connectToUserWithFailover(callee, timeout, this.onFail.url()));
		return make(caller, callee);
	}

	private static String make(StompTestClient caller, String callee) throws InterruptedException {
		Map<String, Object> reply = caller.request("call.make",
				Map.of("fromNumber", "alice", "toNumber", callee, "isVideoCall", false));
		assertThat(reply).containsEntry("r", 0);
		return (String) reply.get("callId");
	}

	private static String connectToUserWithFailover(String userId, int timeout, String onFailEventUrl) {
		return """
				[{"action":"connect","from":{"type":"internal","number":"alice","alias":"Alice"},
				  "to":{"type":"internal","number":"%s"},"timeout":%d,"continueOnFail":true,"onFailEventUrl":"%s"}]"""
			.formatted(userId, timeout, onFailEventUrl);
	}

	/** The onFailEventUrl's answer: a connect to {@code userId}, itself failing over when asked. */
	private String connect(String userId, int timeout, boolean continueOnFail) {
		return """
				[{"action":"connect","from":{"type":"internal","number":"alice"},
				  "to":{"type":"internal","number":"%s"},"customData":"from-failover","timeout":%d,
				  "continueOnFail":%s,"onFailEventUrl":"%s"}]"""
			.formatted(userId, timeout, continueOnFail, this.onFail.url());
	}

	/** The onFailEventUrl that fails in the named way. */
	private String failWith(String failure) throws Exception {
		switch (failure) {
			case "http-500" -> this.onFail.respond(500, connect("carol", 60, false));
			case "garbage" -> this.onFail.respond(200, "<html>OK</html>");
			case "empty" -> this.onFail.respond(200, "");
			case "timeout" -> {
				this.onFail.respond(200, connect("carol", 60, false));
				this.onFail.hold();
			}
			case "refused-address" -> {
				// Link-local (the metadata service) is refused before any connection is made.
				return "http://169.254.169.254/failed";
			}
			case "connection-refused" -> {
				CustomerEventServer closed = new CustomerEventServer();
				closed.close();
				return closed.url();
			}
			case "not-a-connect" -> this.onFail.respond(200, "[{\"action\":\"talk\",\"text\":\"Sorry\"}]");
			case "phone-connect" -> this.onFail.respond(200, AnswerUrlServer.connectToPhone("+84901234567",
					"+84907654321"));
			default -> throw new IllegalArgumentException(failure);
		}
		return this.onFail.url();
	}

	private static List<Map<String, Object>> events(WebhookReceiver receiver, String callId) {
		return receiver.delivered()
			.stream()
			.map(WebhookReceiver.Request::json)
			.filter((e) -> callId.equals(e.get("callId")))
			.toList();
	}

	private static Predicate<Map<String, Object>> state(String callId, int code) {
		return (m) -> "signalingState".equals(m.get("type")) && callId.equals(m.get("callId"))
				&& Integer.valueOf(code).equals(m.get("code"));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> endpoint(Object endpoint) {
		return (Map<String, Object>) endpoint;
	}

}
