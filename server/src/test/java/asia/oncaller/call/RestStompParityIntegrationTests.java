package asia.oncaller.call;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import asia.oncaller.auth.TokenIssuer;
import asia.oncaller.billing.Rate;
import asia.oncaller.billing.RateRepository;
import asia.oncaller.billing.RatedCallType;
import asia.oncaller.call.CallState;
import asia.oncaller.testsupport.AnswerUrlServer;
import asia.oncaller.testsupport.CallTestSupport;
import asia.oncaller.testsupport.RestClientForTests;
import asia.oncaller.testsupport.StompTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every call-control verb and each of its result codes, done once over STOMP (from a device) and
 * once over REST (for the same user), each on a fresh call in the same state: both give the same
 * {@code r} and message and leave the call in the same state, and REST answers with the HTTP
 * status docs/protocol.md §5 gives that code.
 */
class RestStompParityIntegrationTests extends CallTestSupport {

	@Autowired
	TokenIssuer issuer;

	@Autowired
	RateRepository rates;

	RestClientForTests rest;

	@BeforeEach
	void restClient() {
		this.rest = new RestClientForTests(this.port, this.issuer, this.project);
	}

	/** Where the call is when the verb is sent. */
	enum Before {

		CALLING, ANSWERED, ENDED, UNKNOWN

	}

	static Stream<Arguments> verbs() {
		Map<String, Object> none = Map.of();
		return Stream.of(
				arguments("ringing", Before.CALLING, "bob", none, 0, CallState.RINGING, 200),
				arguments("ringing", Before.UNKNOWN, "bob", none, 1, null, 404),
				arguments("ringing", Before.CALLING, "alice", none, 11, CallState.CALLING, 403),
				arguments("answer", Before.CALLING, "bob", none, 0, CallState.ANSWERED, 200),
				arguments("answer", Before.UNKNOWN, "bob", none, 1, null, 404),
				arguments("answer", Before.ANSWERED, "bob", none, 2, CallState.ANSWERED, 409),
				arguments("answer", Before.ENDED, "bob", none, 3, CallState.ENDED, 409),
				arguments("answer", Before.CALLING, "carol", none, 11, CallState.CALLING, 403),
				arguments("reject", Before.CALLING, "bob", none, 0, CallState.BUSY, 200),
				arguments("reject", Before.CALLING, "alice", none, 0, CallState.ENDED, 200),
				arguments("reject", Before.UNKNOWN, "bob", none, 1, null, 404),
				arguments("reject", Before.CALLING, "carol", none, 11, CallState.CALLING, 403),
				arguments("hangup", Before.CALLING, "alice", none, 0, CallState.ENDED, 200),
				arguments("hangup", Before.ANSWERED, "bob", none, 0, CallState.ENDED, 200),
				arguments("hangup", Before.ENDED, "alice", none, 1, CallState.ENDED, 404),
				arguments("hangup", Before.CALLING, "carol", none, 11, CallState.CALLING, 403),
				arguments("info", Before.ANSWERED, "alice", Map.of("info", Map.of("a", 1)), 0, CallState.ANSWERED, 200),
				arguments("info", Before.UNKNOWN, "alice", Map.of("info", Map.of("a", 1)), 1, null, 404),
				arguments("info", Before.ANSWERED, "alice", none, 10, CallState.ANSWERED, 400),
				arguments("info", Before.ANSWERED, "carol", Map.of("info", Map.of()), 11, CallState.ANSWERED, 403),
				arguments("dtmf", Before.ANSWERED, "bob", Map.of("digits", "12#"), 0, CallState.ANSWERED, 200),
				arguments("dtmf", Before.UNKNOWN, "bob", Map.of("digits", "1"), 1, null, 404),
				arguments("dtmf", Before.ANSWERED, "bob", Map.of("digits", "12x"), 10, CallState.ANSWERED, 400),
				arguments("dtmf", Before.ANSWERED, "carol", Map.of("digits", "1"), 11, CallState.ANSWERED, 403),
				arguments("hold", Before.ANSWERED, "alice", Map.of("hold", true), 0, CallState.ANSWERED, 200),
				arguments("hold", Before.UNKNOWN, "alice", Map.of("hold", true), 1, null, 404),
				arguments("hold", Before.ANSWERED, "alice", Map.of("hold", "true"), 10, CallState.ANSWERED, 400),
				arguments("hold", Before.ANSWERED, "carol", Map.of("hold", false), 11, CallState.ANSWERED, 403),
				arguments("transfer", Before.CALLING, "alice", Map.of("toUserId", "carol"), 4, CallState.CALLING, 422),
				arguments("transfer", Before.CALLING, "alice", Map.of("toUserId", "dave"), 5, CallState.CALLING, 422),
				arguments("transfer", Before.UNKNOWN, "alice", Map.of("toUserId", "carol"), 1, null, 404),
				arguments("transfer", Before.CALLING, "alice", none, 10, CallState.CALLING, 400),
				arguments("transfer", Before.CALLING, "carol", Map.of("toUserId", "bob"), 11, CallState.CALLING, 403));
	}

	@ParameterizedTest(name = "{0} on a {1} call by {2} {3}: r={4}")
	@MethodSource("verbs")
	void verbGivesTheSameCodeAndStateOverRestAndStomp(String verb, Before before, String actor,
			Map<String, Object> fields, int r, CallState after, int httpStatus) throws Exception {
		Map<String, StompTestClient> devices = new LinkedHashMap<>();
		devices.put("alice", device("alice", "a1"));
		devices.put("bob", device("bob", "b1"));
		devices.put("bob2", device("bob", "b2"));
		devices.put("carol", device("carol", "c1"));

		String stompCall = callIn(before, devices);
		// A second device answers the call that the first answered; REST is never a device.
		StompTestClient sender = ("bob".equals(actor) && before == Before.ANSWERED && "answer".equals(verb))
				? devices.get("bob2") : devices.get(actor);
		Map<String, Object> stomp = sender.request("call." + verb, stompBody(stompCall, verb, fields));

		String restCall = callIn(before, devices);
		RestClientForTests.Answer rest = this.rest.verb(restCall, verb, actor, fields);

		assertThat(stomp.get("r")).as("STOMP r").isEqualTo(r);
		assertThat(rest.r()).as("REST r").isEqualTo(r);
		assertThat(rest.status()).as("HTTP status").isEqualTo(httpStatus);
		if (r != 10) {
			// Invalid-request messages name the field, which transfer calls toUserId over REST.
			assertThat(rest.body().get("message")).isEqualTo(stomp.get("message"));
		}
		if (after != null) {
			assertThat(record(stompCall).getStatus()).as("state after STOMP").isEqualTo(after);
			assertThat(record(restCall).getStatus()).as("state after REST").isEqualTo(after);
			assertThat(record(restCall).getEndReason()).isEqualTo(record(stompCall).getEndReason());
		}
	}

	static Stream<Arguments> makes() {
		return Stream.of(arguments(AnswerUrlServer.connectToUser("bob", 60), 200, 0, 200),
				arguments("[]", 500, 1, 422), arguments("[]", 200, 2, 422),
				arguments(AnswerUrlServer.connectToUser("bob", 60).replace("\"type\":\"internal\",\"number\":\"bob\"",
						"\"type\":\"sip\",\"number\":\"bob\""), 200, 3, 422),
				arguments(AnswerUrlServer.connectToPhone("+15550000001", "+15550000002"), 200, 4, 422));
	}

	@ParameterizedTest(name = "make with answer_url status {1}: r={2}")
	@MethodSource("makes")
	void makeGivesTheSameCodeOverRestAndStomp(String scco, int answerUrlStatus, int r, int httpStatus)
			throws Exception {
		StompTestClient alice = device("alice", "a1");
		device("bob", "b1");
		this.answerUrl.respond(scco);
		this.answerUrl.respondStatus(answerUrlStatus);

		Map<String, Object> stomp = alice.request("call.make", Map.of("fromNumber", "alice", "toNumber", "bob"));
		RestClientForTests.Answer rest = this.rest.post("/v1/calls",
				Map.of("from", "alice", "to", "bob", "answerUrl", this.answerUrl.url()));

		assertThat(stomp.get("r")).isEqualTo(r);
		assertThat(rest.r()).isEqualTo(r);
		assertThat(rest.status()).isEqualTo(httpStatus);
		assertThat(rest.body().get("message")).isEqualTo(stomp.get("message"));
		if (r == 0) {
			assertThat(record((String) rest.body().get("callId")).getStatus()).isEqualTo(CallState.CALLING);
			assertThat(record((String) stomp.get("callId")).getStatus()).isEqualTo(CallState.CALLING);
		}
	}

	@Test
	void makeWithoutMoneyGivesCode8OverRestAndStompAndHttp402() throws Exception {
		Rate expensive = new Rate(this.project.getAccountId(), RatedCallType.INTERNAL, "", new BigDecimal("1000"), 60,
				"USD");
		this.rates.save(expensive);
		StompTestClient alice = device("alice", "a1");
		device("bob", "b1");
		this.answerUrl.respond(AnswerUrlServer.connectToUser("bob", 60));

		Map<String, Object> stomp = alice.request("call.make", Map.of("fromNumber", "alice", "toNumber", "bob"));
		RestClientForTests.Answer rest = this.rest.post("/v1/calls",
				Map.of("from", "alice", "to", "bob", "answerUrl", this.answerUrl.url()));

		assertThat(stomp.get("r")).isEqualTo(8);
		assertThat(rest.r()).isEqualTo(8);
		assertThat(rest.status()).isEqualTo(402);
		assertThat(rest.body()).containsEntry("code", 8).containsEntry("type", "https://oncaller.asia/problems/call-control");
	}

	/** A call from alice to bob in the given state, or an id of no call. */
	private String callIn(Before before, Map<String, StompTestClient> devices) throws Exception {
		if (before == Before.UNKNOWN) {
			return "call-unknown";
		}
		String callId = call(devices.get("alice"), "bob", 60);
		if (before == Before.ANSWERED) {
			assertThat(devices.get("bob").request("call.answer", body(callId))).containsEntry("r", 0);
		}
		if (before == Before.ENDED) {
			assertThat(devices.get("alice").request("call.hangup", body(callId))).containsEntry("r", 0);
		}
		return callId;
	}

	/** The STOMP body of a verb: the REST fields, with transfer's target under its STOMP name. */
	private static Map<String, Object> stompBody(String callId, String verb, Map<String, Object> fields) {
		Map<String, Object> body = new LinkedHashMap<>(fields);
		if ("transfer".equals(verb) && body.containsKey("toUserId")) {
			body.put("userId", body.remove("toUserId"));
		}
		body.put("callId", callId);
		return body;
	}

}
