package asia.oncaller.e2e;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import asia.oncaller.client.CallResult;
import asia.oncaller.client.MediaOptions;
import asia.oncaller.client.SignalingState;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

/**
 * A call with media survives what real networks do to the callee's device (PROTOCOL §2.1, §6):
 * the callee is a {@link RemoteCallee}, a device on a network of its own, and the test changes
 * that network under the call while Alice (in this JVM) keeps talking. Each time the callee's
 * client reconnects and resumes, the tone is measured again on both sides, and the project's
 * records (over REST) show one call.
 */
class NetworkChangeE2ETests extends TwoUsersE2ESupport {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private RemoteCallee bob;

	@AfterEach
	void closeRemote() {
		if (this.bob != null) {
			this.bob.close();
		}
	}

	/**
	 * The callee moves from "Wi-Fi" to "cellular": the address its media used goes away with the
	 * link, a new one appears. Its client resumes on the new network, sees that its addresses
	 * changed and restarts ICE; media flows again both ways.
	 */
	@Test
	void callSurvivesTheCalleesChangeOfAddress() {
		Talk talk = talk("move");

		this.bob.remove(RemoteCallee.WIFI);
		this.bob.attach(RemoteCallee.CELLULAR);
		talk.awaitResumed(this.bob);
		talk.hearEachOtherAgain(this.bob);
		talk.hangUpAsOneCall(this.bob);
	}

	/** The callee's link goes down for 5 s (no carrier; its connections reset), then comes back. */
	@Test
	void callSurvivesTheCalleesLinkDownForFiveSeconds() throws InterruptedException {
		Talk talk = talk("linkdown");

		this.bob.down(RemoteCallee.WIFI);
		Thread.sleep(5000); // the outage itself
		this.bob.up(RemoteCallee.WIFI);
		talk.awaitResumed(this.bob);
		talk.hearEachOtherAgain(this.bob);
		talk.hangUpAsOneCall(this.bob);
	}

	/** Alice (440 Hz, this JVM) calls the remote Bob (660 Hz), who answers; both hear the other's tone. */
	private Talk talk(String tag) {
		RatedTenant tenant = new RatedTenant(E2eServer.get());
		String bobId = "bob-" + tag;
		this.bob = RemoteCallee.start(E2eServer.get().port(), tenant.token(bobId), bobId, 660);
		this.alice = TestUser.connectWithToken("alice-" + tag, "alice-" + tag + "-laptop", MediaOptions.synthetic(440),
				tenant.token("alice-" + tag));
		CallProbe caller = this.alice.call(bobId, false);
		assertThat(CallProbe.result(caller.makeResult).r()).isZero();
		Await.until(TIMEOUT, "media connected on alice's side", caller::mediaConnected);
		assertThat(this.bob.awaitReport("media")).isEqualTo("1");
		Talk talk = new Talk(tenant, caller, "alice-" + tag);
		talk.hearEachOther(this.bob);
		return talk;
	}

	private record Talk(RatedTenant tenant, CallProbe caller, String aliceId) {

		void hearEachOther(RemoteCallee bob) {
			ToneMeter aliceHears = this.caller.measureToneAgain();
			double[] bobHears = bob.tone();
			Await.until(TIMEOUT, "alice measured bob's tone", aliceHears::done);
			assertThat(aliceHears.frequency()).as("alice hears bob's 660 Hz").isCloseTo(660, offset(5.0));
			assertThat(aliceHears.peak()).isGreaterThan(3000);
			assertThat(bobHears[0]).as("bob hears alice's 440 Hz").isCloseTo(440, offset(5.0));
			assertThat(bobHears[1]).isGreaterThan(3000);
		}

		/** Bob's client reconnected and resumed the call; Alice heard him go and come back. */
		void awaitResumed(RemoteCallee bob) {
			bob.awaitReport("reconnecting");
			bob.awaitReport("reconnected");
			Await.until(TIMEOUT, "alice hears that bob is back", () -> this.caller.peer.contains("restored"));
			assertThat(this.caller.peer).containsExactly("lost", "restored");
			assertThat(this.caller.call.isEnded()).isFalse();
			assertThat(this.caller.signaling).noneMatch(SignalingState::isFinal);
			assertThat(bob.reports()).noneMatch((r) -> r.startsWith("signaling 6") || r.startsWith("signaling 5"));
		}

		/** Media flows again both ways (fresh packets on both sides), and each hears the other's tone. */
		void hearEachOtherAgain(RemoteCallee bob) {
			long aliceHad = this.caller.inboundAudioPackets();
			long bobHad = bob.packets();
			Awaitility.await("audio reaches alice again")
				.atMost(TIMEOUT)
				.pollInterval(Duration.ofMillis(200))
				.until(() -> this.caller.inboundAudioPackets() > aliceHad + 50);
			Awaitility.await("audio reaches bob again")
				.atMost(TIMEOUT)
				.pollInterval(Duration.ofMillis(200))
				.until(() -> bob.packets() > bobHad + 50);
			hearEachOther(bob);
		}

		/** Alice hangs up; the call ends once on each side, and the records show this one call, charged. */
		void hangUpAsOneCall(RemoteCallee bob) {
			CompletableFuture<CallResult> hangup = new CompletableFuture<>();
			this.caller.call.hangup(hangup::complete);
			assertThat(CallProbe.result(hangup).r()).isZero();
			assertThat(bob.awaitReport("signaling 6")).isEqualTo("Ended");
			List<Map<String, Object>> records = this.tenant.records(this.aliceId);
			assertThat(records).as("one call in the records").hasSize(1);
			Map<String, Object> call = records.get(0);
			assertThat(call).containsEntry("callId", this.caller.call.getCallId())
				.containsEntry("status", "ENDED")
				.containsEntry("endReason", "Ended");
			assertThat(((Number) call.get("billedSeconds")).intValue()).isPositive();
			assertThat(new BigDecimal((String) call.get("cost"))).isPositive();
			assertThat(bob.count("signaling 6")).as("bob's call ended once").isEqualTo(1);
		}

	}

}
