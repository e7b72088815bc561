package asia.oncaller.e2e;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import asia.oncaller.client.CallResult;
import asia.oncaller.client.MediaOptions;
import asia.oncaller.client.OnCallerCall;
import asia.oncaller.media.TestTones;
import asia.oncaller.sip.SippProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestInfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * A recorded app-to-phone call, end to end: a Java SDK client sending a 1000 Hz tone (WebRTC,
 * DTLS-SRTP, G.711) calls a phone through the server's trunk; the carrier is SIPp playing a 700 Hz
 * tone; rtpengine relays and captures the call because the answer_url's SCCO has {@code record}
 * ({@code recordStereo}, {@code wav}) before its {@code connect}. The recording downloaded over
 * REST has the app's tone on the left (the caller) and the phone's on the right (the callee). A
 * phone's call that the server answers (its SCCO records and talks before connecting to a Java SDK
 * user) has the phone's tone left and the app's right, or both in one channel in mono.
 */
class RecordedCallE2ETests {

	private static final String OUR_NUMBER = "+15550177002";

	private static final String PHONE = "15550124";

	private static final double APP_HZ = 1000;

	private static final double PHONE_HZ = 700;

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	@RegisterExtension
	static final PhoneLegRtpEngine RTPENGINE = new PhoneLegRtpEngine("--recording-dir=" + E2eServer.captureDir(),
			"--recording-method=pcap");

	@Test
	void recordingHasTheAppsToneLeftAndThePhonesRight(TestInfo test) throws Exception {
		String scco = """
				[{"action":"record","format":"wav","recordStereo":true},
				 {"action":"connect","from":{"type":"external","number":"%s"},"to":{"type":"external","number":"%s"}}]"""
			.formatted(OUR_NUMBER, PHONE);
		try (AnswerUrl answerUrl = new AnswerUrl(scco);
				SippProcess carrier = SippProcess.scenario("uas-play-tone.xml")
					.in(test)
					.withFile("tone.pcap", TestTones.pcap(PHONE_HZ, 20))
					.start()) {
			PhoneTenant tenant = PhoneTenant.create(OUR_NUMBER, carrier.localPort(), answerUrl.url());
			try (TestUser user = TestUser.connectWithToken("alice-rec", "alice-rec-device",
					MediaOptions.synthetic(APP_HZ), tenant.clientToken("alice-rec"))) {
				OnCallerCall call = new OnCallerCall(user.client, OUR_NUMBER, PHONE, false);
				CallProbe probe = new CallProbe(call);
				call.makeCall(probe.makeResult::complete);
				CallResult made = CallProbe.result(probe.makeResult);
				assertThat(made.r()).as("makeCall").isZero();
				String callId = (String) made.data().get("callId");
				await("the phone's tone heard by the app").atMost(TIMEOUT).until(probe.tone::done);
				assertThat(probe.tone.frequency()).as("what the app hears").isCloseTo(PHONE_HZ, within(5.0));
				CompletableFuture<CallResult> hangup = new CompletableFuture<>();
				call.hangup(hangup::complete);
				assertThat(CallProbe.result(hangup).r()).as("hangup").isZero();
				assertThat(carrier.exitCodeWithin(TIMEOUT)).as(carrier::report).isZero();

				HttpResponse<byte[]> audio = await("the recording").atMost(TIMEOUT)
					.until(() -> tenant.recordingOf(callId), (response) -> response.statusCode() == 200);
				short[][] channels = TestTones.channels(audio.body(), 2);
				int length = channels[0].length;
				System.out.printf("Recorded call: %d ms of stereo audio%n", length / 8);
				assertThat(length).as("at least the 2.6 s the app listened").isGreaterThan(2 * 8000);
				int window = (int) (length * 0.7);
				assertThat(TestTones.share(channels[0], window, 1600, APP_HZ)).as("the app's tone, left")
					.isGreaterThan(0.8);
				assertThat(TestTones.share(channels[0], window, 1600, PHONE_HZ)).as("no phone on the left")
					.isLessThan(0.05);
				assertThat(TestTones.share(channels[1], window, 1600, PHONE_HZ)).as("the phone's tone, right")
					.isGreaterThan(0.8);
				assertThat(TestTones.share(channels[1], window, 1600, APP_HZ)).as("no app on the right")
					.isLessThan(0.05);
			}
		}
	}

	/**
	 * A phone's call the server answers because its SCCO records and talks before the connect:
	 * the recording starts at the server's 200 OK, when both sides of the anchor are plain RTP, and
	 * the app user the connect reaches later is still on the callee's channel. The phone is SIPp
	 * playing 700 Hz from its answer on, the app a Java SDK user sending 1000 Hz.
	 */
	@Test
	void aPhoneCallTheServerAnsweredHasThePhonesToneLeftAndTheAppsRight(TestInfo test) throws Exception {
		short[][] channels = recordPhoneCallTheServerAnswers(test, true, "bob-rec-ivr");
		int length = channels[0].length;
		for (double at : new double[] { 0.6, 0.75, 0.9 }) {
			int window = (int) (length * at);
			assertThat(TestTones.share(channels[0], window, 1600, PHONE_HZ)).as("the phone's tone, left, at %s", at)
				.isGreaterThan(0.8);
			assertThat(TestTones.share(channels[0], window, 1600, APP_HZ)).as("no app on the left, at %s", at)
				.isLessThan(0.05);
			assertThat(TestTones.share(channels[1], window, 1600, APP_HZ)).as("the app's tone, right, at %s", at)
				.isGreaterThan(0.8);
			assertThat(TestTones.share(channels[1], window, 1600, PHONE_HZ)).as("no phone on the right, at %s", at)
				.isLessThan(0.05);
		}
	}

	/** The same call with {@code recordStereo: false}: one channel with both tones. */
	@Test
	void aPhoneCallTheServerAnsweredRecordedInMonoHasBothTones(TestInfo test) throws Exception {
		short[][] channels = recordPhoneCallTheServerAnswers(test, false, "carol-rec-ivr");
		int window = (int) (channels[0].length * 0.75);
		double phone = TestTones.share(channels[0], window, 1600, PHONE_HZ);
		double app = TestTones.share(channels[0], window, 1600, APP_HZ);
		assertThat(phone).as("the phone's tone").isGreaterThan(0.25);
		assertThat(app).as("the app's tone").isGreaterThan(0.25);
		assertThat(phone + app).as("nothing else").isGreaterThan(0.8);
	}

	/**
	 * The carrier calls our number, whose SCCO records, says a sentence and connects to the app
	 * user; the user answers, hears the phone's tone, and hangs up.
	 * @return the downloaded WAV's channels
	 */
	private static short[][] recordPhoneCallTheServerAnswers(TestInfo test, boolean stereo, String userId)
			throws Exception {
		String scco = """
				[{"action":"record","format":"wav","recordStereo":%s},
				 {"action":"talk","text":"Please hold","bargeIn":false},
				 {"action":"connect","from":{"type":"external","number":"%s"},"to":{"type":"internal","number":"%s"}}]"""
			.formatted(stereo, PHONE, userId);
		AtomicReference<CallProbe> callee = new AtomicReference<>();
		try (AnswerUrl answerUrl = new AnswerUrl(scco)) {
			PhoneTenant tenant = PhoneTenant.create(OUR_NUMBER, 5060, answerUrl.url());
			try (TestUser user = TestUser.connectWithToken(userId, userId + "-device", MediaOptions.synthetic(APP_HZ),
					tenant.clientToken(userId))) {
				user.onIncoming((incoming) -> {
					callee.set(new CallProbe(incoming));
					incoming.answer((r) -> {
					});
				});
				String callId;
				try (SippProcess carrier = SippProcess.scenario("uac-play-tone-remote-bye.xml")
					.in(test)
					.withFile("tone.pcap", TestTones.pcap(PHONE_HZ, 20))
					.remote(E2eServer.get().sipPort())
					.service(OUR_NUMBER)
					.set("caller", PHONE)
					.start()) {
					await("the app user rings, after the talk").atMost(TIMEOUT).until(() -> callee.get() != null);
					CallProbe probe = callee.get();
					callId = probe.call.getCallId();
					await("the phone's tone heard by the app").atMost(TIMEOUT).until(probe.tone::done);
					assertThat(probe.tone.frequency()).as("what the app hears").isCloseTo(PHONE_HZ, within(5.0));
					CompletableFuture<CallResult> hangup = new CompletableFuture<>();
					probe.call.hangup(hangup::complete);
					assertThat(CallProbe.result(hangup).r()).as("hangup").isZero();
					assertThat(carrier.exitCodeWithin(TIMEOUT)).as(carrier::report).isZero();
				}
				HttpResponse<byte[]> audio = await("the recording").atMost(TIMEOUT)
					.until(() -> tenant.recordingOf(callId), (response) -> response.statusCode() == 200);
				short[][] channels = TestTones.channels(audio.body(), stereo ? 2 : 1);
				System.out.printf("Recorded call the server answered: %d ms of %s audio%n", channels[0].length / 8,
						stereo ? "stereo" : "mono");
				// The talk and the ringing before the app's 2.6 s of listening.
				assertThat(channels[0].length).as("at least the 2.6 s the app listened").isGreaterThan(3 * 8000);
				return channels;
			}
		}
	}

}
