package asia.oncaller.limits;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import asia.oncaller.auth.TokenIssuer;
import asia.oncaller.call.CallState;
import asia.oncaller.tenant.Project;
import asia.oncaller.testsupport.AnswerUrlServer;
import asia.oncaller.testsupport.CallTestSupport;
import asia.oncaller.testsupport.RestClientForTests;
import asia.oncaller.testsupport.StompTestClient;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An account's call attempts per second and calls at once, as the operator set them for it:
 * {@code call.make} and {@code POST /v1/calls} past them get {@code r=12} (429) and change nothing
 * (no answer_url request, no call); concurrent makes never pass the calls at once, since the
 * database settles them; another account is not held back.
 */
class CallLimitsIntegrationTests extends CallTestSupport {

	private static final Map<String, Object> CONNECT_SUPPORT_TO_BOB = Map.of("action", "connect", "from",
			Map.of("type", "internal", "number", "support"), "to", Map.of("type", "internal", "number", "bob"),
			"timeout", 60);

	@Autowired
	TokenIssuer issuer;

	@Test
	void makePastTheAccountsCallsAtOnceGetsCode12AndChangesNothing() throws Exception {
		this.tenants.limitCalls(this.project, null, 2);
		StompTestClient alice = device("alice", "a1");
		StompTestClient bob = device("bob", "b1");
		String first = call(alice, "bob", 60);
		call(alice, "bob", 60);
		long callsBefore = this.calls.count();
		int answerUrlRequestsBefore = this.answerUrl.requests();

		Map<String, Object> refused = alice.request("call.make",
				Map.of("fromNumber", "alice", "toNumber", "bob", "isVideoCall", false));

		assertThat(refused).containsEntry("r", 12)
			.containsEntry("message", "Rate limited: the account has too many calls at once");
		assertThat(this.calls.count()).isEqualTo(callsBefore);
		assertThat(this.answerUrl.requests()).isEqualTo(answerUrlRequestsBefore);
		assertThat(bob.request("call.reject", body(first))).containsEntry("r", 0);
		call(alice, "bob", 60);
	}

	@Test
	void concurrentServerCallsNeverPassTheCallsAtOnce() throws Exception {
		this.tenants.limitCalls(this.project, null, 5);
		device("bob", "b1");
		RestClientForTests rest = new RestClientForTests(this.port, this.issuer, this.project);
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(20);
		List<Future<RestClientForTests.Answer>> made = new ArrayList<>();
		try {
			for (int i = 0; i < 20; i++) {
				made.add(pool.submit(() -> {
					start.await();
					return rest.post("/v1/calls",
							Map.of("from", "support", "to", "bob", "actions", List.of(CONNECT_SUPPORT_TO_BOB)));
				}));
			}
			start.countDown();
			List<RestClientForTests.Answer> answers = new ArrayList<>();
			for (Future<RestClientForTests.Answer> answer : made) {
				answers.add(answer.get(30, TimeUnit.SECONDS));
			}

			assertThat(answers).filteredOn((answer) -> answer.status() == 200).hasSize(5);
			List<RestClientForTests.Answer> refused = answers.stream().filter((a) -> a.status() != 200).toList();
			assertThat(refused).hasSize(15).allSatisfy((answer) -> {
				assertThat(answer.status()).isEqualTo(429);
				assertThat(answer.body()).containsEntry("r", 12).containsEntry("code", 12);
				assertThat(answer.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
			});
			assertThat(this.calls.findByStatusIn(CallState.live()))
				.filteredOn((call) -> call.getAccountId().equals(this.project.getAccountId()))
				.hasSize(5);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void makesPastTheAccountsAttemptsPerSecondGetCode12UntilTheSecondIsOver() throws Exception {
		this.tenants.limitCalls(this.project, 2, null);
		this.answerUrl.respond(AnswerUrlServer.connectToUser("nobody-online", 60));
		StompTestClient alice = device("alice", "a1");
		Map<String, Object> make = Map.of("fromNumber", "alice", "toNumber", "nobody-online", "isVideoCall", false);

		// 6 at once: at most 2 a second pass, 4 if they straddle two seconds.
		List<Map<String, Object>> replies = flood(List.of(alice), 6, "call.make", make);

		long limited = replies.stream().filter((reply) -> Integer.valueOf(12).equals(reply.get("r"))).count();
		assertThat(limited).isGreaterThanOrEqualTo(2);
		assertThat(replies).filteredOn((reply) -> Integer.valueOf(12).equals(reply.get("r")))
			.allSatisfy((reply) -> assertThat(reply).containsEntry("message",
					"Rate limited: too many call attempts per second for the account"));
		assertThat(this.answerUrl.requests()).isEqualTo(replies.size() - limited);
		Awaitility.await()
			.atMost(Duration.ofSeconds(3))
			.pollInterval(Duration.ofMillis(300))
			.until(() -> Integer.valueOf(0).equals(alice.request("call.make", make).get("r")));
	}

	@Test
	void anAccountAtItsLimitDoesNotHoldBackAnother() throws Exception {
		this.tenants.limitCalls(this.project, null, 1);
		StompTestClient alice = device("alice", "a1");
		device("bob", "b1");
		call(alice, "bob", 60);
		assertThat(alice.request("call.make", Map.of("fromNumber", "alice", "toNumber", "bob", "isVideoCall", false)))
			.containsEntry("r", 12);

		Project other = this.tenants.create(this.answerUrl.url(), BigDecimal.ZERO).project;
		StompTestClient carol = device(other, "carol", "c1");
		device(other, "bob", "ob1");
		call(carol, "bob", 60);
		call(carol, "bob", 60);
	}

}
