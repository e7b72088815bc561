package asia.oncaller.signaling;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import asia.oncaller.AccountRows;
import asia.oncaller.HostileJson;
import asia.oncaller.PropertyContext;
import asia.oncaller.testsupport.CallTestSupport;
import asia.oncaller.testsupport.StompTestClient;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile bodies on every {@code /app/<verb>} of PROTOCOL §3.1 from a signed-in client of the
 * running server: wrong types, unknown fields, huge strings, deep nesting, JSON that is not an
 * object, broken JSON and invalid UTF-8. Each gets exactly one reply whose {@code r} the verb
 * documents, never 13 (a bug), and the account's rows are the same afterwards.
 */
class RequestBodyFuzzIntegrationTests extends CallTestSupport {

	/** PROTOCOL §3.1: codes every request may get; 13 is left out, it means a bug. */
	private static final Set<Integer> ANY_REQUEST = Set.of(10, 11, 12);

	/** Each verb's fields and its own failure codes; no call exists, so none can succeed. */
	private static final Map<String, Verb> VERBS = Map.ofEntries(
			entry("call.make", new Verb(Set.of(1, 2, 3, 4, 5, 6, 7, 8), "fromNumber", "toNumber", "isVideoCall", "custom")),
			entry("call.ringing", new Verb(Set.of(1, 2), "callId")),
			entry("call.answer", new Verb(Set.of(1, 2, 3), "callId")),
			entry("call.reject", new Verb(Set.of(1, 2), "callId")),
			entry("call.hangup", new Verb(Set.of(1, 2), "callId")),
			entry("call.info", new Verb(Set.of(1), "callId", "info")),
			entry("call.dtmf", new Verb(Set.of(1), "callId", "digits")),
			entry("call.hold", new Verb(Set.of(1), "callId", "hold")),
			entry("call.transfer", new Verb(Set.of(1, 4, 5), "callId", "userId")),
			entry("call.sdp", new Verb(Set.of(1), "callId", "sdp")),
			entry("call.candidate", new Verb(Set.of(1), "callId", "candidate")),
			entry("call.mediastate", new Verb(Set.of(1), "callId", "code")),
			entry("call.resume", new Verb(Set.of(1), "callId", "lastSeq")),
			entry("message.custom", new Verb(Set.of(5), "toUserId", "message")));

	@Autowired
	JdbcTemplate jdbc;

	private StompTestClient client;

	private List<String> rowsBefore;

	@BeforeProperty
	void signIn() throws Exception {
		PropertyContext.inject(this);
		startAnswerUrlAndTenant();
		this.client = device("fuzz-" + UUID.randomUUID(), "d1");
		this.rowsBefore = AccountRows.of(this.jdbc, this.project.getAccountId());
	}

	@AfterProperty
	void nothingChangedAndNoSecondReply() {
		try {
			assertThat(this.client.unconsumed()).noneMatch((message) -> "reply".equals(message.get("type")));
			assertThat(AccountRows.of(this.jdbc, this.project.getAccountId())).isEqualTo(this.rowsBefore);
		}
		finally {
			closeClients();
		}
	}

	@Property(tries = 200)
	void everyBodyGetsOneReplyWithACodeItsVerbDocuments(@ForAll("requests") Request request) {
		String requestId = (request.body() instanceof Map) ? UUID.randomUUID().toString() : null;
		Map<String, Object> reply = this.client.replyPastRateLimit(request.verb(), request.bytes(requestId), requestId);
		assertThat((Integer) reply.get("r")).as("r of %s", reply)
			.isIn(VERBS.get(request.verb()).codes());
	}

	@Example
	void aCallIdWithANulIsAnInvalidRequestNotAServerError() {
		String requestId = UUID.randomUUID().toString();
		byte[] body = HostileJson.write(Map.of("requestId", requestId, "callId", "call-\0"));
		assertThat(this.client.replyPastRateLimit("call.hangup", body, requestId)).containsEntry("r", 10);
	}

	@Provide
	Arbitrary<Request> requests() {
		return Arbitraries.of(VERBS.keySet()).flatMap((verb) -> {
			Arbitrary<Map<String, Object>> objects = HostileJson.objects(VERBS.get(verb).fields());
			return Arbitraries.oneOf(objects.map((body) -> new Request(verb, body)),
					HostileJson.notObjects(objects).map((body) -> new Request(verb, body)));
		});
	}

	/** A verb's fields and the codes PROTOCOL gives it, besides those of every request. */
	private record Verb(Set<Integer> codes, List<String> fields) {

		Verb(Set<Integer> own, String... fields) {
			this(Stream.concat(own.stream(), ANY_REQUEST.stream()).collect(Collectors.toSet()), List.of(fields));
		}

	}

	/** A body for a verb: an object (sent with a request id) or raw bytes that are not one. */
	record Request(String verb, Object body) {

		@SuppressWarnings("unchecked")
		byte[] bytes(String requestId) {
			if (this.body instanceof Map<?, ?> object) {
				Map<String, Object> withId = new LinkedHashMap<>((Map<String, Object>) object);
				withId.put("requestId", requestId);
				return HostileJson.write(withId);
			}
			return (byte[]) this.body;
		}

		/** The verb and the start of the body: jqwik reports a failing sample by it. */
		@Override
		public String toString() {
			byte[] bytes = (this.body instanceof byte[] raw) ? raw : HostileJson.write(this.body);
			return this.verb + " " + new String(bytes, 0, Math.min(bytes.length, 300), StandardCharsets.UTF_8);
		}

	}

}
