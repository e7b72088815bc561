package asia.oncaller.sip;

import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import asia.oncaller.WebhookReceiver;
import asia.oncaller.billing.Rate;
import asia.oncaller.billing.RatedCallType;
import asia.oncaller.call.CallState;
import asia.oncaller.media.TestTones;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code recordMessage} (voicemail) on a phone call, every part real: SIPp as the carrier, whose
 * SDP offers this test's UDP socket ({@link CarrierMedia}) as the phone's media, which speaks a
 * tone in real time; rtpengine playing the beep and forwarding the phone's audio to the server;
 * the message kept as the call's recording, downloaded over REST, announced on the action's
 * eventUrl (a real HTTP server) and charged by the RECORD rate. The file is read back and its
 * tone and length measured.
 */
class VoicemailIntegrationTests extends PhoneCallTestSupport {

	private static final double PHONE_HZ = 440;

	private WebhookReceiver messages;

	@BeforeEach
	void trunkRateAndEventUrl() throws Exception {
		inboundTrunk(null);
		this.rates.save(new Rate(this.project.getAccountId(), RatedCallType.RECORD, "", new BigDecimal("0.30"), 1,
				"USD"));
		this.messages = new WebhookReceiver();
	}

	@AfterEach
	void closeReceiver() {
		this.messages.close();
	}

	@Test
	void silenceEndsTheMessageAfterTheBeepAndTheFileHoldsTheCallersTone() throws Exception {
		this.answerUrl.respond(recordMessage("\"format\":\"wav\",\"beepStart\":true,\"silenceTimeout\":1000"));
		try (CarrierMedia phone = new CarrierMedia();
				SippProcess carrier = caller("uac-ivr-server-bye.xml").set("rtp_port", String.valueOf(phone.port()))
					.start()) {
			String callId = recording(carrier);
			// The beep came first: 400 ms of 1 kHz.
			List<CarrierMedia.Packet> beep = phone.bursts(300).get(0);
			assertThat(CarrierMedia.frequency(beep)).isBetween(980.0, 1020.0);
			assertThat(CarrierMedia.loudPackets(beep)).isBetween(18L, 22L);
			phone.speak(rtpengineFor(carrier), PHONE_HZ, 1500, 2500);
			// One second of silence ended the message: the server hangs up with nothing left to run.
			assertThat(carrier.exitCodeWithin(Duration.ofSeconds(10))).as(carrier.report()).isZero();
			short[] audio = keptWav(callId);
			assertThat(audio.length).as("1.5 s of tone and the 1 s of silence that ended it")
				.isBetween(8 * 2300, 8 * 2900);
			assertThat(TestTones.share(audio, 8 * 300, 8 * 900, PHONE_HZ)).as("the caller's tone").isGreaterThan(0.9);
			assertThat(TestTones.peak(audio, 8 * 1600, audio.length)).as("then silence").isLessThan(100);
			announcedAndChargedOnce(callId, "wav", audio.length / 8);
		}
	}

	@Test
	void theEndOnKeyEndsTheMessageAndTheSccoGoesOn() throws Exception {
		this.answerUrl.respond(recordMessage("\"format\":\"wav\",\"beepStart\":true,\"endOnKey\":\"5\","
				+ "\"silenceTimeout\":0,\"timeout\":30"));
		try (CarrierMedia phone = new CarrierMedia();
				SippProcess carrier = caller("uac-ivr-server-bye.xml").set("rtp_port", String.valueOf(phone.port()))
					.start()) {
			String callId = recording(carrier);
			InetSocketAddress rtpengine = rtpengineFor(carrier);
			phone.speak(rtpengine, PHONE_HZ, 1000, 0);
			long pressed = System.nanoTime();
			phone.press(rtpengine, 5);
			assertThat(carrier.exitCodeWithin(Duration.ofSeconds(10))).as(carrier.report()).isZero();
			assertThat(Duration.ofNanos(System.nanoTime() - pressed)).as("ended by the key, not the 30 s timeout")
				.isLessThan(Duration.ofSeconds(5));
			short[] audio = keptWav(callId);
			assertThat(audio.length).as("the 1 s of tone, and the key's packet").isBetween(8 * 900, 8 * 1600);
			assertThat(TestTones.share(audio, 8 * 200, 8 * 600, PHONE_HZ)).isGreaterThan(0.9);
			announcedAndChargedOnce(callId, "wav", audio.length / 8);
		}
	}

	@Test
	void theTimeoutEndsALongMessageKeptAsMp3() throws Exception {
		this.answerUrl.respond(recordMessage("\"beepStart\":true,\"silenceTimeout\":0,\"timeout\":2"));
		try (CarrierMedia phone = new CarrierMedia();
				SippProcess carrier = caller("uac-ivr-server-bye.xml").set("rtp_port", String.valueOf(phone.port()))
					.start()) {
			String callId = recording(carrier);
			phone.speak(rtpengineFor(carrier), PHONE_HZ, 4000, 0);
			assertThat(carrier.exitCodeWithin(Duration.ofSeconds(10))).as(carrier.report()).isZero();
			await().atMost(Duration.ofSeconds(10)).until(() -> "READY".equals(recordingStatus(callId)));
			HttpResponse<byte[]> mp3 = download("/v1/calls/" + callId + "/recording");
			assertThat(mp3.statusCode()).isEqualTo(200);
			assertThat(mp3.headers().firstValue("Content-Type")).hasValue("audio/mpeg");
			long millis = this.jdbc.queryForObject("SELECT duration_ms FROM recording WHERE call_id = ?", Long.class,
					callId);
			assertThat(millis).as("cut at the 2 s timeout").isBetween(1800L, 2200L);
			announcedAndChargedOnce(callId, "mp3", millis);
		}
	}

	@Test
	void theCarrierHangingUpDuringTheMessageKeepsItAndEndsTheCallOnce() throws Exception {
		this.answerUrl.respond(recordMessage("\"format\":\"wav\",\"beepStart\":true,\"silenceTimeout\":0,\"timeout\":60"));
		try (CarrierMedia phone = new CarrierMedia();
				SippProcess carrier = caller("uac-ivr.xml").set("rtp_port", String.valueOf(phone.port()))
					.set("hold_ms", "2500")
					.start()) {
			String callId = recording(carrier);
			phone.speak(rtpengineFor(carrier), PHONE_HZ, 1000, 0);
			assertThat(carrier.exitCodeWithin(Duration.ofSeconds(10))).as(carrier.report()).isZero();
			short[] audio = keptWav(callId);
			assertThat(audio.length).as("the tone, up to the hangup").isBetween(8 * 900, 8 * 2500);
			assertThat(TestTones.share(audio, 8 * 200, 8 * 600, PHONE_HZ)).isGreaterThan(0.9);
			announcedAndChargedOnce(callId, "wav", audio.length / 8);
			assertThat(record(callId).getStatus()).isEqualTo(CallState.ENDED);
			assertThat(this.jdbc.queryForObject(
					"SELECT count(*) FROM balance_transaction WHERE call_id = ? AND kind = 'CALL_CHARGE'", Long.class,
					callId)).as("the call itself is free: no INTERNAL rate").isZero();
		}
	}

	private String recordMessage(String fields) {
		return "[{\"action\":\"recordMessage\",\"eventUrl\":\"" + this.messages.url() + "\"," + fields + "}]";
	}

	/** The call's id, once its message records (after the beep): the phone may speak from then on. */
	private String recording(SippProcess carrier) {
		rtpengineFor(carrier);
		String callId = await().atMost(Duration.ofSeconds(5))
			.until(() -> this.answerUrl.lastQuery().get("callId"), (id) -> id != null);
		await().atMost(Duration.ofSeconds(5)).until(() -> "RECORDING".equals(recordingStatus(callId)));
		return callId;
	}

	/** The message as kept, a mono WAV, downloaded by call and by recording id alike. */
	private short[] keptWav(String callId) throws Exception {
		await().atMost(Duration.ofSeconds(10)).until(() -> "READY".equals(recordingStatus(callId)));
		HttpResponse<byte[]> byCall = download("/v1/calls/" + callId + "/recording");
		assertThat(byCall.statusCode()).isEqualTo(200);
		assertThat(byCall.headers().firstValue("Content-Type")).hasValue("audio/wav");
		String recordingId = this.jdbc.queryForObject("SELECT id FROM recording WHERE call_id = ?", String.class,
				callId);
		assertThat(download("/v1/recordings/" + recordingId).body()).isEqualTo(byCall.body());
		return TestTones.channels(byCall.body(), 1)[0];
	}

	/**
	 * The one recording of the call is the message (kind recordMessage), announced once on the
	 * action's eventUrl with its URL and length, and charged once by the RECORD rate.
	 */
	private void announcedAndChargedOnce(String callId, String format, long millis) {
		Map<String, Object> row = this.jdbc.queryForMap(
				"SELECT id, kind, format, duration_ms FROM recording WHERE call_id = ?", callId);
		assertThat(row).containsEntry("kind", "recordMessage").containsEntry("format", format);
		assertThat(((Number) row.get("duration_ms")).longValue()).isBetween(millis - 1, millis + 1);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.messages.delivered().stream().anyMatch((r) -> "recorded".equals(r.json().get("type"))));
		assertThat(this.messages.delivered()).filteredOn((r) -> "recorded".equals(r.json().get("type")))
			.singleElement()
			.satisfies((recorded) -> assertThat(recorded.json()).containsEntry("callId", callId)
				.containsEntry("recordingId", row.get("id"))
				.containsEntry("recordingUrl", "/v1/recordings/" + row.get("id"))
				.containsEntry("format", format));
		long billedSeconds = (((Number) row.get("duration_ms")).longValue() + 999) / 1000;
		assertThat(this.jdbc.queryForList(
				"SELECT -amount FROM balance_transaction WHERE call_id = ? AND kind = 'RECORDING_CHARGE'",
				BigDecimal.class, callId))
			.singleElement()
			.satisfies((charge) -> assertThat(charge).isEqualByComparingTo(
					new BigDecimal("0.005").multiply(BigDecimal.valueOf(billedSeconds))));
	}

}
