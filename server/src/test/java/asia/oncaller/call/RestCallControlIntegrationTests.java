package asia.oncaller.call;

import asia.oncaller.TestTenants;
import asia.oncaller.testsupport.CallTestSupport;
import asia.oncaller.testsupport.RestClientForTests;
import asia.oncaller.testsupport.StompTestClient;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import asia.oncaller.auth.TokenIssuer;
import asia.oncaller.call.Call;
import asia.oncaller.call.CallState;
import asia.oncaller.call.EndpointType;
import asia.oncaller.tenant.Project;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Call control over REST with real devices on STOMP: a call placed by the customer's server
 * rings the callee's devices, which the REST verbs then drive; the verbs send connected clients
 * the same events STOMP does; malformed bodies get {@code r=10}; and a token never reaches a call
 * of another project (404, r=1) nor controls calls with an account token (403).
 */
class RestCallControlIntegrationTests extends CallTestSupport {

	private static final Map<String, Object> CONNECT_SUPPORT_TO_BOB = Map.of("action", "connect", "from",
			Map.of("type", "internal", "number", "support", "alias", "Support"), "to",
			Map.of("type", "internal", "number", "bob"), "customData", "ticket-7", "timeout", 30);

	@Autowired
	TokenIssuer issuer;

	@Autowired
	JdbcTemplate jdbc;

	RestClientForTests rest;

	@BeforeEach
	void restClient() {
		this.rest = new RestClientForTests(this.port, this.issuer, this.project);
	}

	@Test
	void serverCallWithInlineActionsRingsTheCalleeWhoControlsItOverRest() throws Exception {
		StompTestClient bob = device("bob", "b1");

		RestClientForTests.Answer made = this.rest.post("/v1/calls",
				Map.of("from", "support", "to", "bob", "actions", List.of(CONNECT_SUPPORT_TO_BOB), "isVideoCall", true));

		assertThat(made.status()).isEqualTo(200);
		assertThat(made.body()).containsEntry("r", 0)
			.containsEntry("toType", "internal")
			.containsEntry("customDataFromYourServer", "ticket-7");
		String callId = (String) made.body().get("callId");
		assertThat(bob.awaitEvent("incomingCall", callId)).containsEntry("fromNumber", "support")
			.containsEntry("fromAlias", "Support")
			.containsEntry("isVideoCall", true);
		Call call = record(callId);
		assertThat(call.parties().fromUserId()).isNull();
		assertThat(call.parties().toUserId()).isEqualTo("bob");
		assertThat(call.getStatus()).isEqualTo(CallState.CALLING);

		assertThat(this.rest.verb(callId, "answer", "bob", Map.of()).status()).isEqualTo(200);
		assertThat(bob.awaitEvent("signalingState", callId)).containsEntry("code", 3);
		assertThat(this.rest.verb(callId, "hangup", "bob", Map.of()).status()).isEqualTo(200);
		assertThat(bob.awaitEvent("signalingState", callId)).containsEntry("code", 6);
		assertThat(record(callId).getStatus()).isEqualTo(CallState.ENDED);
	}

	@Test
	void serverCallAsksItsOwnAnswerUrlWithTheServerParameters() throws Exception {
		StompTestClient bob = device("bob", "b1");
		this.answerUrl.respond("""
				[{"action":"connect","from":{"type":"external","number":"+442071234567"},
				  "to":{"type":"internal","number":"bob"}}]""");

		RestClientForTests.Answer made = this.rest.post("/v1/calls", Map.of("from", "+442071234567", "to", "bob",
				"answerUrl", this.answerUrl.url(), "custom", Map.of("order", 42)));

		String callId = (String) made.body().get("callId");
		assertThat(made.body()).containsEntry("r", 0);
		assertThat(this.answerUrl.lastQuery()).containsEntry("from", "+442071234567")
			.containsEntry("to", "bob")
			.containsEntry("fromInternal", "false")
			.containsEntry("projectId", this.project.getId())
			.containsEntry("callId", callId)
			.containsEntry("custom", "{\"order\":42}")
			.doesNotContainKey("userId");
		assertThat(bob.awaitEvent("incomingCall", callId)).containsEntry("fromInternal", false);
		assertThat(record(callId).parties().fromType()).isEqualTo(EndpointType.EXTERNAL);
	}

	/**
	 * A call the customer's server places has no caller media, so it is never anchored at
	 * rtpengine: its recording is given up as it is asked for, with the reason, and the call rings
	 * as usual.
	 */
	@Test
	void serverCallThatAsksForARecordingGetsNoneAndSaysWhy() throws Exception {
		StompTestClient bob = device("bob", "b1");
		RestClientForTests.Answer made = this.rest.post("/v1/calls", Map.of("from", "support", "to", "bob", "actions",
				List.of(Map.of("action", "record", "format", "wav"), CONNECT_SUPPORT_TO_BOB)));

		assertThat(made.body()).containsEntry("r", 0);
		String callId = (String) made.body().get("callId");
		bob.awaitEvent("incomingCall", callId);
		assertThat(this.jdbc.queryForMap("SELECT status, failure FROM recording WHERE call_id = ?", callId))
			.containsEntry("status", "FAILED")
			.containsEntry("failure", "The call's media does not pass through the server");
	}

	@Test
	void serverCallToAnOfflineUserEndsAtOnce() {
		RestClientForTests.Answer made = this.rest.post("/v1/calls",
				Map.of("from", "support", "to", "bob", "actions", List.of(CONNECT_SUPPORT_TO_BOB)));

		assertThat(made.body()).containsEntry("r", 0);
		Call call = record((String) made.body().get("callId"));
		assertThat(call.getStatus()).isEqualTo(CallState.ENDED);
		assertThat(call.getEndReason()).isEqualTo("Callee not online");
	}

	@Test
	void makeNeedsExactlyOneOfAnswerUrlAndActionsAndNamesMissingFields() {
		RestClientForTests.Answer both = this.rest.post("/v1/calls", Map.of("from", "support", "to", "bob", "answerUrl",
				this.answerUrl.url(), "actions", List.of(CONNECT_SUPPORT_TO_BOB)));
		RestClientForTests.Answer neither = this.rest.post("/v1/calls", Map.of("from", "support", "to", "bob"));
		RestClientForTests.Answer noTo = this.rest.post("/v1/calls", Map.of("from", "support", "actions",
				List.of(CONNECT_SUPPORT_TO_BOB)));

		for (RestClientForTests.Answer answer : List.of(both, neither, noTo)) {
			assertThat(answer.status()).isEqualTo(400);
			assertThat(answer.body()).containsEntry("r", 10).containsEntry("code", 10);
		}
		assertThat((String) noTo.body().get("message")).contains("to must not be blank");
	}

	@Test
	void restVerbsSendConnectedClientsTheSameEventsAsStomp() throws Exception {
		StompTestClient alice = device("alice", "a1");
		StompTestClient bob = device("bob", "b1");
		String callId = call(alice, "bob", 60);
		assertThat(alice.awaitEvent("signalingState", callId)).containsEntry("code", 1);

		assertThat(this.rest.verb(callId, "ringing", "bob", Map.of()).r()).isEqualTo(0);
		assertThat(alice.awaitEvent("signalingState", callId)).containsEntry("code", 2);
		assertThat(this.rest.verb(callId, "answer", "bob", Map.of()).r()).isEqualTo(0);
		assertThat(alice.awaitEvent("signalingState", callId)).containsEntry("code", 3);
		// Answered for the user, not on a device: every device of bob hears it.
		assertThat(bob.awaitEvent("signalingState", callId)).containsEntry("code", 3);
		assertThat(this.rest.verb(callId, "dtmf", "alice", Map.of("digits", "42#")).r()).isEqualTo(0);
		assertThat(bob.awaitEvent("dtmf", callId)).containsEntry("digits", "42#");
		assertThat(this.rest.verb(callId, "info", "bob", Map.of("info", Map.of("k", "v"))).r()).isEqualTo(0);
		assertThat(alice.awaitEvent("info", callId)).containsEntry("info", Map.of("k", "v"));
		assertThat(this.rest.verb(callId, "hold", "alice", Map.of("hold", true)).r()).isEqualTo(0);
		assertThat(bob.awaitEvent("hold", callId)).containsEntry("hold", true);
		assertThat(this.rest.verb(callId, "hangup", "alice", Map.of()).r()).isEqualTo(0);
		assertThat(bob.awaitEvent("signalingState", callId)).containsEntry("code", 6);
	}

	@Test
	void malformedBodiesGetCode10NamingTheField() {
		String path = "/v1/calls/call-unknown/dtmf";
		assertThat(this.rest.postText(path, "not json").body()).containsEntry("r", 10)
			.containsEntry("message", "Invalid request: the body is not JSON");
		assertThat(this.rest.postText(path, "[1]").body()).containsEntry("message",
				"Invalid request: the body is not a JSON object");
		assertThat(this.rest.postText(path, "{\"userId\":{\"id\":7},\"digits\":\"1\"}").body()).containsEntry("message",
				"Invalid request: userId has the wrong type");
		assertThat(this.rest.postText(path, "{\"digits\":\"1\"}").body()).containsEntry("message",
				"Invalid request: userId must not be blank");
	}

	@ParameterizedTest
	@ValueSource(strings = { "bob\r\nX-Injected: 1", "bob\u0000", "\u001b[31mbob", "bob\u202e", "bob\u2028" })
	void userIdsWithControlCharactersGetCode10AndChangeNothing(String userId) throws Exception {
		StompTestClient alice = device("alice", "a1");
		device("bob", "b1");
		String callId = call(alice, "bob", 60);

		RestClientForTests.Answer answer = this.rest.verb(callId, "answer", userId, Map.of());
		RestClientForTests.Answer transfer = this.rest.verb(callId, "transfer", "alice", Map.of("toUserId", userId));
		RestClientForTests.Answer made = this.rest.post("/v1/calls",
				Map.of("from", "support", "to", userId, "actions", List.of(CONNECT_SUPPORT_TO_BOB)));

		for (RestClientForTests.Answer refused : List.of(answer, transfer, made)) {
			assertThat(refused.status()).isEqualTo(400);
			assertThat(refused.body()).containsEntry("r", 10);
			assertThat((String) refused.body().get("message")).contains("must not contain control characters");
		}
		assertThat(record(callId).getStatus()).isEqualTo(CallState.CALLING);
	}

	@Test
	void callOfAnotherProjectIsAsUnknownAsAMissingOne() throws Exception {
		StompTestClient alice = device("alice", "a1");
		device("bob", "b1");
		String callId = call(alice, "bob", 60);
		Project other = this.tenants.create(this.answerUrl.url(), BigDecimal.ZERO).project;
		RestClientForTests foreign = new RestClientForTests(this.port, this.issuer, other);

		RestClientForTests.Answer theirs = foreign.verb(callId, "hangup", "alice", Map.of());
		RestClientForTests.Answer missing = foreign.verb("call-unknown", "hangup", "alice", Map.of());

		assertThat(theirs.status()).isEqualTo(404);
		assertThat(theirs.body()).containsEntry("r", 1);
		assertThat(theirs.body().get("message")).isEqualTo(missing.body().get("message"));
		assertThat(record(callId).getStatus()).isEqualTo(CallState.CALLING);
	}

	@Test
	void accountTokenCannotControlCalls() {
		String accountSecret = this.tenants.accountSecret(this.project);
		String token = this.issuer.restToken(this.project.getAccountId(), accountSecret, Duration.ofMinutes(5));
		int status = RestClient.create("http://127.0.0.1:" + this.port)
			.post()
			.uri("/v1/calls/call-unknown/hangup")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.body(Map.of("userId", "alice"))
			.exchange((request, response) -> response.getStatusCode().value());
		assertThat(status).isEqualTo(403);
	}

}
