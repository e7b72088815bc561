package asia.oncaller.control;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import asia.oncaller.HostileJson;
import asia.oncaller.HostileScco;
import asia.oncaller.PropertyContext;
import asia.oncaller.control.CallControlDecision;
import asia.oncaller.control.SccoParser;
import asia.oncaller.testsupport.AnswerUrlServer;
import asia.oncaller.testsupport.CallTestSupport;
import asia.oncaller.testsupport.StompTestClient;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A customer's answer_url, a real HTTP server, answers {@code call.make} with hostile SCCO
 * documents, content types and statuses. The caller gets 1 (no usable answer), 2 (not a valid
 * SCCO) or, only for a document the parser accepts, 0 or a routing code (3 to 8); never 13.
 * A document without a connect is answered by the server (0).
 * Only placed calls leave a record, and none is left live.
 */
class SccoFuzzIntegrationTests extends CallTestSupport {

	/** PROTOCOL §4: what a valid SCCO can still lead to, from placed (0) to routing codes. */
	private static final Set<Integer> VALID_DOCUMENT = Set.of(0, 3, 4, 5, 6, 7, 8);

	/** oncaller.control.max-answer-size. */
	private static final int MAX_ANSWER_BYTES = 64 * 1024;

	private static final Map<String, Object> MAKE_CALL = Map.of("fromNumber", "alice", "toNumber", "bob",
			"isVideoCall", false);

	@Autowired
	JdbcTemplate jdbc;

	private StompTestClient caller;

	private int placed;

	@BeforeProperty
	void signIn() throws Exception {
		PropertyContext.inject(this);
		startAnswerUrlAndTenant();
		this.caller = device("alice-" + UUID.randomUUID(), "d1");
	}

	@AfterProperty
	void onlyPlacedCallsLeftARecordAndNoneIsLive() {
		try {
			assertThat(count("SELECT count(*) FROM call WHERE account_id = ?")).isEqualTo(this.placed);
			await().atMost(Duration.ofSeconds(10))
				.until(() -> count("SELECT count(*) FROM call WHERE account_id = ? AND status IN "
						+ "('CALLING', 'RINGING', 'ANSWERED')"), (live) -> live == 0);
		}
		finally {
			closeClients();
		}
	}

	@Property(tries = 150)
	void callMakeAnswersWhatTheDocumentDeserves(@ForAll("answers") Answer answer) {
		this.answerUrl.respond(answer.contentType(), answer.body());
		this.answerUrl.respondStatus(answer.status());
		String requestId = UUID.randomUUID().toString();
		Map<String, Object> body = new LinkedHashMap<>(MAKE_CALL);
		body.put("requestId", requestId);
		Map<String, Object> reply = this.caller.replyPastRateLimit("call.make", HostileJson.write(body), requestId);
		assertThat((Integer) reply.get("r")).as("r of %s", reply).isIn(documented(answer));
		if (Integer.valueOf(0).equals(reply.get("r"))) {
			this.placed++;
			String hangupId = UUID.randomUUID().toString();
			Map<String, Object> hangup = Map.of("requestId", hangupId, "callId", reply.get("callId"));
			// 1 when the call has ended already (an app user who is not online is not rung).
			assertThat(this.caller.replyPastRateLimit("call.hangup", HostileJson.write(hangup), hangupId).get("r"))
				.isIn(0, 1);
		}
	}

	@Example
	void aNulInTheSccoIsIncorrectFormatNotAServerError() {
		this.answerUrl.respond("""
				[{"action":"connect","from":{"type":"internal","number":"alice"},
				  "to":{"type":"internal","number":"bob"},"customData":"a\\u0000b"}]""");
		String requestId = UUID.randomUUID().toString();
		Map<String, Object> body = new LinkedHashMap<>(MAKE_CALL);
		body.put("requestId", requestId);
		assertThat(this.caller.replyPastRateLimit("call.make", HostileJson.write(body), requestId))
			.containsEntry("r", 2);
	}

	@Provide
	Arbitrary<Answer> answers() {
		Arbitrary<Integer> status = Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.just(200)),
				Tuple.of(1, Arbitraries.of(301, 404, 500, 503)));
		Arbitrary<String> contentType = Arbitraries.of("application/json", "application/json; charset=utf-8",
				"text/html", "text/plain", "application/xml", "application/octet-stream");
		// Past the size limit: a valid SCCO padded with spaces.
		Arbitrary<byte[]> oversized = Arbitraries.integers()
			.between(MAX_ANSWER_BYTES - 40, 2 * MAX_ANSWER_BYTES)
			.map((size) -> {
				byte[] scco = AnswerUrlServer.connectToUser("bob", 5).getBytes(StandardCharsets.UTF_8);
				byte[] padded = Arrays.copyOf(scco, Math.max(size, scco.length));
				Arrays.fill(padded, scco.length, padded.length, (byte) ' ');
				return padded;
			});
		Arbitrary<byte[]> body = Arbitraries.frequencyOf(Tuple.of(9, HostileScco.documents()), Tuple.of(1, oversized));
		return Combinators.combine(status, contentType, body).as(Answer::new);
	}

	/** The codes PROTOCOL §4 allows for this answer. */
	private static Set<Integer> documented(Answer answer) {
		if (answer.status() / 100 != 2 || answer.body().length > MAX_ANSWER_BYTES) {
			return Set.of(1);
		}
		CallControlDecision decision = SccoParser.parse(new String(answer.body(), StandardCharsets.UTF_8));
		// An SCCO without a connect is one the server answers itself (docs/ivr.md, "App callers").
		return (decision instanceof CallControlDecision.Connect || decision instanceof CallControlDecision.Run)
				? VALID_DOCUMENT : Set.of(2);
	}

	private int count(String sql) {
		return this.jdbc.queryForObject(sql, Integer.class, this.project.getAccountId());
	}

	/** What the answer_url sends: its status, content type and body bytes. */
	record Answer(int status, String contentType, byte[] body) {

		/** The status, type and start of the body: jqwik reports a failing sample by it. */
		@Override
		public String toString() {
			return this.status + " " + this.contentType + " (" + this.body.length + " bytes) "
					+ new String(this.body, 0, Math.min(this.body.length, 300), StandardCharsets.UTF_8);
		}

	}

}
