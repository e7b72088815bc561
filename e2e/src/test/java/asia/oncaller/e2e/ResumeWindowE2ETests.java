package asia.oncaller.e2e;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import asia.oncaller.client.MediaOptions;
import asia.oncaller.client.SignalingState;
import asia.oncaller.client.internal.media.MediaSession;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A drop longer than the resume window (PROTOCOL §2.1) on a server of its own whose window is
 * 3 s: the callee's link goes down and stays down; the caller's call ends as
 * {@code Connection lost}, and the record, read over REST, ends and is charged at the moment the
 * window ran out. The server's sweep runs every 2 s here, so that a record ended when the sweep
 * came to see (up to 2 s late) rather than at the deadline falls outside what the test allows.
 */
class ResumeWindowE2ETests {

	private static final Duration WINDOW = Duration.ofSeconds(3);

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@Test
	void aDropLongerThanTheWindowEndsTheCallChargedToTheWindowsEnd() {
		E2eServer server = E2eServer.startWith("--oncaller.resume.window=" + WINDOW.toSeconds() + "s",
				"--oncaller.call.sweep-interval=2s");
		try {
			RatedTenant tenant = new RatedTenant(server);
			try (RemoteCallee bob = RemoteCallee.start(server.port(), tenant.token("bob-window"), "bob-window", 660);
					TestUser alice = TestUser.connectTo(server.webSocketUrl(), "alice-window", "alice-window-laptop",
							MediaOptions.synthetic(440), tenant.token("alice-window"))) {
				CallProbe caller = alice.call("bob-window", false);
				assertThat(CallProbe.result(caller.makeResult).r()).isZero();
				Await.until(TIMEOUT, "media connected on alice's side", caller::mediaConnected);
				assertThat(bob.awaitReport("media")).isEqualTo("1");

				Instant cut = Instant.now();
				bob.down(RemoteCallee.WIFI);
				Await.until(TIMEOUT, "alice hears that bob's connection was lost", () -> caller.peer.contains("lost"));
				// The server marked bob away (and started the window) between the cut and now.
				Instant lostHeard = Instant.now();
				Await.until(TIMEOUT, "alice's call ended", () -> caller.hasSignalingState(SignalingState.ENDED));
				assertThat(caller.signaling.get(caller.signaling.size() - 1).reason()).isEqualTo("Connection lost");
				assertThat(caller.peer).containsExactly("lost");
				assertThat(bob.awaitReport("signaling 6")).as("bob's client ends the call at its own window's end")
					.isEqualTo("Connection lost");

				List<Map<String, Object>> records = tenant.records("alice-window");
				assertThat(records).hasSize(1);
				Map<String, Object> record = records.get(0);
				assertThat(record).containsEntry("callId", caller.call.getCallId())
					.containsEntry("status", "ENDED")
					.containsEntry("endReason", "Connection lost");
				Instant answered = Instant.parse((String) record.get("answeredAt"));
				Instant ended = Instant.parse((String) record.get("endedAt"));
				assertThat(ended).as("ended when the window ran out").isBetween(cut.plus(WINDOW), lostHeard.plus(WINDOW));
				Duration talked = Duration.between(answered, ended);
				int billed = (int) (talked.toSeconds() + ((talked.toNanosPart() > 0) ? 1 : 0));
				assertThat(record).containsEntry("billedSeconds", billed);
				assertThat(billed).isGreaterThanOrEqualTo((int) WINDOW.toSeconds());
				assertThat(new BigDecimal((String) record.get("cost"))).as("charged by the second up to the window's end")
					.isEqualByComparingTo(RatedTenant.PRICE_PER_MINUTE.multiply(BigDecimal.valueOf(billed))
						.divide(BigDecimal.valueOf(60)));
				bob.up(RemoteCallee.WIFI); // so that its client closes without waiting for a network
			}
			Await.until(TIMEOUT, "every media session released", () -> MediaSession.openSessions() == 0);
		}
		finally {
			server.stop();
		}
	}

}
