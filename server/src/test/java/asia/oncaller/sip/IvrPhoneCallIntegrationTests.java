package asia.oncaller.sip;

import java.io.File;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import asia.oncaller.TestTenants;
import asia.oncaller.call.Call;
import asia.oncaller.call.CallDirection;
import asia.oncaller.call.CallState;
import asia.oncaller.testsupport.AnswerUrlServer;
import asia.oncaller.testsupport.CustomerEventServer;
import asia.oncaller.testsupport.GreetingUploads;
import asia.oncaller.testsupport.StompTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * IVR on a phone call, every part real: SIPp as the carrier, whose SDP offers this test's UDP
 * socket ({@link CarrierMedia}) as the phone's media; rtpengine anchoring the call, playing the
 * greeting file and the speech and reporting the phone's RFC 4733 digits; espeak-ng; the
 * customer's answer_url and eventUrl as real HTTP servers; the app user a real STOMP client.
 * What the carrier hears is measured: the tone's frequency, the speech's length.
 */
class IvrPhoneCallIntegrationTests extends PhoneCallTestSupport {

	private static final String SALES_TALK = "Connecting you to sales";

	@BeforeEach
	void trunkAndGreeting() {
		inboundTrunk(null);
		String token = this.tenants.accountToken(this.tenants.accountOf(this.project));
		assertThat(GreetingUploads.upload(this.port, token, "menu.wav", GreetingUploads.toneWav(1000, 1000))
			.statusCode()).isEqualTo(201);
	}

	@Test
	void pressOneForSalesPlaysTheMenuSendsTheDigitTalksAndConnects() throws Exception {
		StompTestClient bob = device("bob", "bob-phone");
		try (CustomerEventServer eventUrl = new CustomerEventServer(); CarrierMedia phone = new CarrierMedia()) {
			this.answerUrl.respond("""
					[{"action":"play","fileName":"menu.wav","bargeIn":false},
					 {"action":"input","eventUrl":"%s","maxDigits":1,"timeout":10,"customField":"main-menu"}]"""
				.formatted(eventUrl.url()));
			eventUrl.respond(200, """
					[{"action":"talk","text":"%s","bargeIn":false},
					 {"action":"connect","from":{"type":"external","number":"%s"},"to":{"type":"internal","number":"bob"}}]"""
				.formatted(SALES_TALK, PHONE));
			try (SippProcess carrier = caller("uac-ivr.xml").set("rtp_port", String.valueOf(phone.port()))
				.set("hold_ms", "15000")
				.start()) {
				InetSocketAddress rtpengine = rtpengineFor(carrier);
				// The menu: one second of 1 kHz, then nothing until the phone presses a key.
				await().atMost(Duration.ofSeconds(10)).until(() -> phone.bursts(300).size() == 1
						&& phone.audio().size() >= 45 && silentFor(phone, 300));
				List<CarrierMedia.Packet> menu = phone.bursts(300).get(0);
				assertThat(CarrierMedia.frequency(menu)).isBetween(980.0, 1020.0);
				assertThat(CarrierMedia.loudPackets(menu)).isBetween(45L, 52L);

				// The phone presses 1 until the input has it (rtpengine may miss a key pressed as its
				// leg settles, as a real phone's user would press again).
				await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(300)).until(() -> {
					phone.press(rtpengine, 1);
					return !eventUrl.requests().isEmpty();
				});
				CustomerEventServer.Request input = eventUrl.requests().get(0);
				String callId = this.answerUrl.lastQuery().get("callId");
				assertThat(input.json()).containsEntry("dtmf", "1")
					.containsEntry("call_id", callId)
					.containsEntry("timeout", false)
					.containsEntry("customField", "main-menu");
				assertThat(input.headers()).containsKey("x-oncaller-signature");

				// The talk, then the connect: bob's device rings with the phone's media.
				assertThat(bob.awaitEvent("incomingCall", callId)).isNotNull();
				List<List<CarrierMedia.Packet>> bursts = phone.bursts(300);
				assertThat(bursts).hasSizeGreaterThanOrEqualTo(2);
				long spokenMillis = 20 * CarrierMedia.loudPackets(bursts.get(1));
				long expectedMillis = espeakMillis(SALES_TALK);
				assertThat(spokenMillis).isBetween(expectedMillis / 2, expectedMillis + 200);
				answer(bob, callId);
				// One call, one record: answered at the server's 200 OK, bob its app user from the connect on.
				await().atMost(Duration.ofSeconds(5))
					.until(() -> record(callId).parties().answeredDeviceId() != null);
				Call answered = record(callId);
				assertThat(answered.getDirection()).isEqualTo(CallDirection.PHONE_TO_APP);
				assertThat(answered.getStatus()).isEqualTo(CallState.ANSWERED);
				assertThat(answered.parties().toUserId()).isEqualTo("bob");
				assertThat(answered.timing().answeredAt()).isBefore(answered.timing().transferredAt());
				assertThat(carrier.exitCodeWithin(Duration.ofSeconds(25))).as(carrier.report()).isZero();
				await().atMost(Duration.ofSeconds(5)).until(() -> record(callId).getStatus() == CallState.ENDED);
			}
		}
	}

	@Test
	void aDigitSentAsSipInfoIsCollectedByTheInput() throws Exception {
		try (CustomerEventServer eventUrl = new CustomerEventServer()) {
			this.answerUrl.respond("""
					[{"action":"input","eventUrl":"%s","maxDigits":1,"timeout":10}]""".formatted(eventUrl.url()));
			// What keeps the call until the carrier hangs up: an input that collects for 10 s.
			eventUrl.respond(200, """
					[{"action":"input","maxDigits":1,"timeout":10}]""");
			try (SippProcess carrier = caller("uac-dtmf-info.xml").set("hold_ms", "500").start()) {
				assertThat(carrier.exitCodeWithin(SIPP_EXIT)).as(carrier.report()).isZero();
			}
			assertThat(eventUrl.requests()).singleElement()
				.satisfies((request) -> assertThat(request.json()).containsEntry("dtmf", "7")
					.containsEntry("timeout", false));
		}
	}

	@Test
	void anSccoWithoutConnectPlaysItsFileAndHangsUp() throws Exception {
		try (CarrierMedia phone = new CarrierMedia()) {
			this.answerUrl.respond("""
					[{"action":"play","fileName":"menu.wav","bargeIn":false}]""");
			try (SippProcess carrier = caller("uac-ivr-server-bye.xml").set("rtp_port", String.valueOf(phone.port()))
				.start()) {
				assertThat(carrier.exitCodeWithin(Duration.ofSeconds(15))).as(carrier.report()).isZero();
			}
			assertThat(CarrierMedia.frequency(phone.audio())).isBetween(980.0, 1020.0);
		}
	}

	/**
	 * An MP3 greeting plays for its own length: the next action starts as it ends, neither cutting
	 * it short nor after a silence, so the length the runner waits (rtpengine's {@code duration} of
	 * the decoded file) is the file's.
	 */
	@Test
	void anMp3GreetingPlaysWholeAndTheNextActionFollowsAtOnce() throws Exception {
		String token = this.tenants.accountToken(this.tenants.accountOf(this.project));
		assertThat(GreetingUploads.upload(this.port, token, "welcome.mp3", GreetingUploads.toneMp3(600, 1200)).statusCode()).isEqualTo(201);
		try (CarrierMedia phone = new CarrierMedia()) {
			this.answerUrl.respond("""
					[{"action":"play","fileName":"welcome.mp3","bargeIn":false},
					 {"action":"play","fileName":"menu.wav","bargeIn":false}]""");
			try (SippProcess carrier = caller("uac-ivr-server-bye.xml").set("rtp_port", String.valueOf(phone.port()))
				.start()) {
				assertThat(carrier.exitCodeWithin(Duration.ofSeconds(15))).as(carrier.report()).isZero();
			}
			List<CarrierMedia.Packet> loud = phone.audio()
				.stream()
				.filter((packet) -> CarrierMedia.loudPackets(List.of(packet)) == 1)
				.toList();
			List<CarrierMedia.Packet> welcome = loud.stream()
				.filter((packet) -> CarrierMedia.frequency(List.of(packet)) < 800)
				.toList();
			List<CarrierMedia.Packet> menu = loud.subList(welcome.size(), loud.size());
			assertThat(loud.subList(0, welcome.size())).as("the MP3 ends before the menu starts").isEqualTo(welcome);
			assertThat(CarrierMedia.frequency(welcome)).isBetween(585.0, 615.0);
			assertThat(welcome.size()).as("1.2 s of 20 ms packets").isBetween(56, 63);
			assertThat(CarrierMedia.frequency(menu)).isBetween(980.0, 1020.0);
			assertThat(menu.size()).isBetween(45, 52);
			long gapMillis = (menu.get(0).arrivedNanos() - welcome.get(welcome.size() - 1).arrivedNanos()) / 1_000_000;
			assertThat(gapMillis).as("between the MP3's last tone and the menu's first").isLessThan(400);
		}
	}

	@Test
	void streamPlaysAFileFetchedSignedFromTheCustomerAndSkipsAUrlThatFails() throws Exception {
		try (AnswerUrlServer audio = new AnswerUrlServer(); CarrierMedia phone = new CarrierMedia()) {
			audio.respond("audio/wav", GreetingUploads.toneWav(600, 800));
			this.answerUrl.respond("""
					[{"action":"stream","fileName":"http://127.0.0.1:1/gone.wav","bargeIn":false},
					 {"action":"stream","fileName":"%s","bargeIn":false}]""".formatted(audio.url()));
			try (SippProcess carrier = caller("uac-ivr-server-bye.xml").set("rtp_port", String.valueOf(phone.port()))
				.start()) {
				assertThat(carrier.exitCodeWithin(Duration.ofSeconds(15))).as(carrier.report()).isZero();
			}
			assertThat(audio.lastHeaders()).containsKey("x-oncaller-signature");
			assertThat(CarrierMedia.frequency(phone.audio())).isBetween(585.0, 615.0);
			assertThat(CarrierMedia.loudPackets(phone.audio())).isBetween(35L, 42L);
		}
	}

	@Test
	void anotherAccountsGreetingFileOfTheSameNameIsNotPlayed() throws Exception {
		TestTenants.Tenant other = this.tenants.create(null, BigDecimal.ZERO);
		assertThat(GreetingUploads.upload(this.port, other.accountToken(), "secret.wav", GreetingUploads.toneWav(1500, 1000))
			.statusCode()).isEqualTo(201);
		try (CarrierMedia phone = new CarrierMedia()) {
			this.answerUrl.respond("""
					[{"action":"play","fileName":"secret.wav","bargeIn":false}]""");
			try (SippProcess carrier = caller("uac-ivr-server-bye.xml").set("rtp_port", String.valueOf(phone.port()))
				.start()) {
				assertThat(carrier.exitCodeWithin(Duration.ofSeconds(15))).as(carrier.report()).isZero();
			}
			assertThat(phone.audio()).isEmpty();
		}
	}

	@Test
	void anEventUrlThatHangsOrAnswersNoSccoLetsTheSccoGoOnToItsEnd() throws Exception {
		try (CustomerEventServer hanging = new CustomerEventServer();
				CustomerEventServer lying = new CustomerEventServer();
				CarrierMedia phone = new CarrierMedia()) {
			hanging.hold();
			lying.respond(200, "<html>not an SCCO</html>");
			this.answerUrl.respond("""
					[{"action":"input","eventUrl":"%s","maxDigits":1,"timeout":1},
					 {"action":"input","eventUrl":"%s","maxDigits":1,"timeout":1},
					 {"action":"play","fileName":"menu.wav","bargeIn":false}]""".formatted(hanging.url(), lying.url()));
			long started = System.nanoTime();
			try (SippProcess carrier = caller("uac-ivr-server-bye.xml").set("rtp_port", String.valueOf(phone.port()))
				.start()) {
				assertThat(carrier.exitCodeWithin(Duration.ofSeconds(20))).as(carrier.report()).isZero();
			}
			// 1 s of input, the answer_url client's 5 s limit, 1 s of input, 1 s of tone, and slack.
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(14));
			assertThat(hanging.requests()).singleElement()
				.satisfies((request) -> assertThat(request.json()).containsEntry("dtmf", "").containsEntry("timeout", true));
			assertThat(lying.requests()).hasSize(1);
			assertThat(CarrierMedia.frequency(phone.audio())).isBetween(980.0, 1020.0);
		}
	}

	@Test
	void thePhoneHangingUpDuringTheInputEndsTheSccoAtOnce() throws Exception {
		try (CustomerEventServer eventUrl = new CustomerEventServer(); CarrierMedia phone = new CarrierMedia()) {
			this.answerUrl.respond("""
					[{"action":"input","eventUrl":"%s","maxDigits":4,"timeout":30}]""".formatted(eventUrl.url()));
			try (SippProcess carrier = caller("uac-ivr.xml").set("rtp_port", String.valueOf(phone.port()))
				.set("hold_ms", "1000")
				.start()) {
				assertThat(carrier.exitCodeWithin(Duration.ofSeconds(10))).as(carrier.report()).isZero();
			}
			// The input was waiting 30 s for digits: the hangup ended it, so nothing is ever posted.
			await().during(Duration.ofMillis(1500))
				.atMost(Duration.ofSeconds(3))
				.until(() -> eventUrl.requests().isEmpty());
		}
	}

	private static boolean silentFor(CarrierMedia phone, long millis) {
		List<CarrierMedia.Packet> audio = phone.audio();
		return !audio.isEmpty() && System.nanoTime() - audio.get(audio.size() - 1).arrivedNanos() > millis * 1_000_000;
	}

	/** How long espeak-ng's loud part of the text is, synthesized here as the server does. */
	private static long espeakMillis(String text) throws Exception {
		Path wav = Files.createTempFile("expected-", ".wav");
		try {
			Process espeak = new ProcessBuilder("espeak-ng", "-v", "en+f3", "-s", "160", "-w", wav.toString(), text)
				.redirectOutput(new File("/dev/null"))
				.start();
			assertThat(espeak.waitFor()).isZero();
			byte[] data = Files.readAllBytes(wav);
			// 22.05 kHz mono 16-bit: count 20 ms frames above the silence level.
			int frame = 441;
			long loud = 0;
			for (int start = 44; start + 2 * frame <= data.length; start += 2 * frame) {
				double sum = 0;
				for (int i = 0; i < frame; i++) {
					short sample = (short) ((data[start + 2 * i] & 0xff) | (data[start + 2 * i + 1] << 8));
					sum += (double) sample * sample;
				}
				if (Math.sqrt(sum / frame) >= CarrierMedia.SILENCE_RMS) {
					loud++;
				}
			}
			return 20 * loud;
		}
		finally {
			Files.deleteIfExists(wav);
		}
	}

}
