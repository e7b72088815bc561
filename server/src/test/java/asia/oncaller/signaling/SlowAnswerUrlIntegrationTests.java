package asia.oncaller.signaling;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import asia.oncaller.tenant.Project;
import asia.oncaller.testsupport.AnswerUrlServer;
import asia.oncaller.testsupport.CallTestSupport;
import asia.oncaller.testsupport.StompTestClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A customer whose answer_url hangs holds up its own {@code call.make}s for the answer_url
 * timeout, and nobody else's requests: STOMP requests run on threads of their own
 * ({@code oncaller.signaling.request-threads}), not on the few that run the background rounds.
 */
class SlowAnswerUrlIntegrationTests extends CallTestSupport {

	/** More than the background rounds' threads (4) and the cores of a small node. */
	private static final int HANGING_CALLS = 8;

	@Test
	void anotherCustomersHangingAnswerUrlHoldsUpNoCallOfOurs() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		try (AnswerUrlServer hanging = new AnswerUrlServer()) {
			hanging.holdUntil(release);
			Project slow = this.tenants.create(hanging.url(), new BigDecimal("10.00")).project;
			List<StompTestClient> slowCallers = new ArrayList<>();
			for (int i = 0; i < HANGING_CALLS; i++) {
				slowCallers.add(device(slow, "caller-" + i, "d" + i));
			}
			for (int i = 0; i < HANGING_CALLS; i++) {
				slowCallers.get(i)
					.send("call.make", Map.of("requestId", "slow-" + i, "fromNumber", "caller-" + i, "toNumber", "nobody",
							"isVideoCall", false));
			}
			await("the slow customer's server is asked").atMost(Duration.ofSeconds(5))
				.until(() -> hanging.requests() > 0);

			long start = System.nanoTime();
			StompTestClient alice = device("alice", "a1");
			StompTestClient bob = device("bob", "b1");
			String callId = call(alice, "bob", 30);
			bob.awaitEvent("incomingCall", callId);
			assertThat(bob.request("call.answer", Map.of("callId", callId))).containsEntry("r", 0);
			assertThat(Duration.ofNanos(System.nanoTime() - start))
				.as("our devices signed in, and our call set up and answered, while the other customer's server hangs")
				.isLessThan(Duration.ofSeconds(2));
			assertThat(alice.request("call.hangup", Map.of("callId", callId))).containsEntry("r", 0);
		}
		finally {
			release.countDown();
		}
	}

}
