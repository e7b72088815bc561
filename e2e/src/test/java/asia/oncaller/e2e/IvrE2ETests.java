package asia.oncaller.e2e;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import asia.oncaller.client.CallResult;
import asia.oncaller.client.MediaOptions;
import asia.oncaller.client.internal.media.MediaSession;
import asia.oncaller.sip.SippProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestInfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * A phone's call whose SCCO the server runs first (a {@code talk}) and then connects to a Java SDK
 * user: the carrier is SIPp echoing the media it gets ({@code -rtp_echo}), the anchor a real
 * rtpengine on the namespace's veth address. The call is answered by the server, the talk played,
 * and then the phone's media re-offered to the app as WebRTC (ICE, DTLS-SRTP): the app hearing its
 * own tone echoed by the phone proves media flows both ways after the IVR part.
 */
class IvrE2ETests {

	private static final String OUR_NUMBER = "+15550177002";

	private static final String PHONE = "15550123";

	private static final double TONE_HZ = 1000;

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@RegisterExtension
	static final PhoneLegRtpEngine RTPENGINE = new PhoneLegRtpEngine();

	@Test
	void afterATalkThePhonesCallReachesAJavaSdkUserWithMediaBothWays(TestInfo test) throws Exception {
		String scco = """
				[{"action":"talk","text":"Please hold the line","bargeIn":false},
				 {"action":"connect","from":{"type":"external","number":"%s"},"to":{"type":"internal","number":"bob-ivr"}}]"""
			.formatted(PHONE);
		AtomicReference<CallProbe> callee = new AtomicReference<>();
		try (AnswerUrl answerUrl = new AnswerUrl(scco);
				TestUser bob = TestUser.connectWithToken("bob-ivr", "bob-ivr-device", MediaOptions.synthetic(TONE_HZ),
						PhoneTenant.create(OUR_NUMBER, 5060, answerUrl.url()).clientToken("bob-ivr"))) {
			bob.onIncoming((incoming) -> {
				callee.set(new CallProbe(incoming));
				incoming.answer((r) -> {
				});
			});
			long dialled = System.nanoTime();
			try (SippProcess carrier = SippProcess.scenario("uac-answered-remote-bye.xml")
				.in(test)
				.rtpEcho()
				.remote(E2eServer.get().sipPort())
				.service(OUR_NUMBER)
				.set("caller", PHONE)
				.start()) {
				await("bob's device rings").atMost(TIMEOUT).until(() -> callee.get() != null);
				long rang = System.nanoTime();
				CallProbe probe = callee.get();
				await("media connected to rtpengine").atMost(TIMEOUT).until(probe::mediaConnected);
				await("a window of the echoed tone").atMost(TIMEOUT).until(probe.tone::done);
				System.out.printf("IVR then connect: carrier's INVITE to the app ringing %d ms (the talk), heard %.1f Hz%n",
						Duration.ofNanos(rang - dialled).toMillis(), probe.tone.frequency());
				assertThat(probe.tone.frequency()).as("the app's tone, echoed by the phone").isCloseTo(TONE_HZ, within(5.0));
				assertThat(probe.tone.peak()).isGreaterThan(3000);
				// The talk ran before the connect: the app rang no sooner than the speech took.
				assertThat(Duration.ofNanos(rang - dialled)).isGreaterThan(Duration.ofMillis(800));
				CompletableFuture<CallResult> hangup = new CompletableFuture<>();
				probe.call.hangup(hangup::complete);
				assertThat(CallProbe.result(hangup).r()).isZero();
				assertThat(carrier.exitCodeWithin(TIMEOUT)).as(carrier::report).isZero();
			}
			await("media released").atMost(TIMEOUT).until(() -> MediaSession.openSessions() == 0);
		}
	}

}
