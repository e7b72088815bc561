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
import java.util.function.IntFunction;

import asia.oncaller.TestTenants;
import asia.oncaller.tenant.Account;
import asia.oncaller.testsupport.AnswerUrlServer;
import asia.oncaller.testsupport.CallTestSupport;
import asia.oncaller.testsupport.RestClientForTests;
import asia.oncaller.testsupport.StompTestClient;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request rates per REST token, per account and per STOMP user, with low limits so that a
 * test reaches them: a flood gets 429 with {@code Retry-After} (REST) or {@code r=12} (STOMP),
 * changes nothing, does not touch another account, and ends after the window. Floods are bounded
 * in count; each window is a second, so counts are chosen to pass a limit even across two windows.
 */
@TestPropertySource(properties = { "oncaller.limits.rest.per-token-per-second=5",
		"oncaller.limits.rest.per-account-per-second=8", "oncaller.limits.stomp.per-user-per-second=5",
		"oncaller.limits.stomp.per-account-per-second=12", "spring.datasource.hikari.maximum-pool-size=4" })
class RequestRateLimitsIntegrationTests extends CallTestSupport {

	@Test
	void restFloodOfOneTokenGets429WithRetryAfterAndRecoversAfterTheWindow() {
		RestClientForTests rest = new RestClientForTests(this.port, this.tenants.accountToken(account()));
		RestClientForTests.Answer refused = floodUntilRefused(rest, "/v1/account");

		assertThat(refused.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
		assertThat(refused.headers().getContentType()).hasToString("application/problem+json");
		assertThat(refused.body()).containsEntry("type", "https://oncaller.asia/problems/rate-limited")
			.containsEntry("status", 429)
			.containsEntry("code", "rate-limited");
		Awaitility.await()
			.atMost(Duration.ofSeconds(3))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> rest.get("/v1/account").status() == 200);
	}

	/** The recordings' REST endpoints are cut at the same rate as the rest of {@code /v1}. */
	@Test
	void floodOfTheRecordingsListGets429() {
		RestClientForTests rest = new RestClientForTests(this.port, this.tenants.accountToken(account()));

		assertThat(floodUntilRefused(rest, "/v1/recordings").headers().getFirst(HttpHeaders.RETRY_AFTER))
			.isEqualTo("1");
	}

	@Test
	void oneAccountsFloodLeavesAnotherAccountAlone() {
		RestClientForTests flooder = new RestClientForTests(this.port, this.tenants.accountToken(account()));
		TestTenants.Tenant other = this.tenants.create(null, BigDecimal.ZERO);
		RestClientForTests bystander = new RestClientForTests(this.port, other.accountToken());

		floodUntilRefused(flooder, "/v1/account");

		assertThat(bystander.get("/v1/account").status()).isEqualTo(200);
		assertThat(bystander.get("/v1/calls").status()).isEqualTo(200);
	}

	@Test
	void floodOfSigningSecretRotationsIsCutAtTheTokensRate() {
		RestClientForTests rest = new RestClientForTests(this.port, this.tenants.accountToken(account()));
		String path = "/v1/projects/" + this.project.getId() + "/signing-secret";

		List<RestClientForTests.Answer> answers = burst(20, (i) -> rest.post(path, Map.of()));

		// Rotations racing each other may meet the project row's optimistic lock: 409, nothing changed.
		assertThat(answers).extracting(RestClientForTests.Answer::status).containsOnly(200, 409, 429).contains(429);
		// 5 a second for the token, 8 for the account: at most two windows' worth got through.
		assertThat(answers).filteredOn((answer) -> answer.status() == 200).hasSizeLessThanOrEqualTo(10);
	}

	@Test
	void allTokensOfAnAccountShareTheAccountsRate() {
		// An account token and a project token, each under its own rate: together past the account's.
		// 10 of each at once: past the account's 8/s even if the burst straddles two windows.
		RestClientForTests byAccount = new RestClientForTests(this.port, this.tenants.accountToken(account()));
		RestClientForTests byProject = new RestClientForTests(this.port, this.tenants.projectToken(this.project));
		List<RestClientForTests.Answer> answers = burst(20, (i) -> ((i % 2 == 0) ? byAccount : byProject).get("/v1/calls"));

		assertThat(answers).anySatisfy((answer) -> {
			assertThat(answer.status()).isEqualTo(429);
			assertThat(answer.body().get("detail")).asString().contains("for this account");
		});
	}

	@Test
	void stompFloodOverManyConnectionsOfOneUserGetsCode12AndChangesNothing() throws Exception {
		this.answerUrl.respond(AnswerUrlServer.connectToUser("nobody-online", 60));
		List<StompTestClient> devices = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			devices.add(device("alice", "a" + i));
		}
		long callsBefore = this.calls.count();
		// 4 requests per connection, far under its own 50/s; 16 together, past the user's 5/s even over two windows.
		List<Map<String, Object>> replies = flood(devices, 4, "call.make",
				Map.of("fromNumber", "alice", "toNumber", "nobody-online", "isVideoCall", false));

		long limited = replies.stream().filter((reply) -> Integer.valueOf(12).equals(reply.get("r"))).count();
		assertThat(limited).isGreaterThanOrEqualTo(6);
		// A refused call.make asked no answer_url and wrote no call.
		assertThat(this.answerUrl.requests()).isEqualTo(replies.size() - limited);
		assertThat(this.calls.count() - callsBefore).isEqualTo(replies.size() - limited);
	}

	@Test
	void stompUsersOfOneAccountShareTheAccountsRate() throws Exception {
		List<StompTestClient> users = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			users.add(device("user-" + i, "d" + i));
		}
		// 4 requests per user, under each user's 5/s; 28 together, past the account's 12/s even over two windows.
		List<Map<String, Object>> replies = flood(users, 4, "message.custom",
				Map.of("toUserId", "nobody-online", "message", Map.of("hello", 1)));

		assertThat(replies).extracting((reply) -> reply.get("r")).contains(12);
		assertThat(replies).extracting((reply) -> reply.get("r")).containsOnly(5, 12);
	}

	private Account account() {
		return this.tenants.accountOf(this.project);
	}

	/**
	 * GETs the path 20 times at once, past the token's 5/s even if the burst straddles two windows
	 * (sent one after another on a busy machine, requests could trickle in under the rate); every
	 * answer is 200 or 429, and one 429 is returned.
	 */
	private static RestClientForTests.Answer floodUntilRefused(RestClientForTests rest, String path) {
		List<RestClientForTests.Answer> answers = burst(20, (i) -> rest.get(path));
		assertThat(answers).extracting(RestClientForTests.Answer::status).containsOnly(200, 429);
		return answers.stream()
			.filter((answer) -> answer.status() == 429)
			.findFirst()
			.orElseThrow(() -> new AssertionError("20 requests at once and none refused"));
	}

	/** Sends {@code count} requests at once, each from a thread of its own, and waits for every answer. */
	private static List<RestClientForTests.Answer> burst(int count, IntFunction<RestClientForTests.Answer> request) {
		ExecutorService threads = Executors.newFixedThreadPool(count);
		try {
			CountDownLatch ready = new CountDownLatch(count);
			List<Future<RestClientForTests.Answer>> sent = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				int n = i;
				sent.add(threads.submit(() -> {
					ready.countDown();
					ready.await();
					return request.apply(n);
				}));
			}
			List<RestClientForTests.Answer> answers = new ArrayList<>();
			for (Future<RestClientForTests.Answer> answer : sent) {
				answers.add(answer.get(StompTestClient.WAIT.toSeconds(), TimeUnit.SECONDS));
			}
			return answers;
		}
		catch (Exception ex) {
			throw new AssertionError("A request of the burst failed", ex);
		}
		finally {
			threads.shutdownNow();
		}
	}

}
