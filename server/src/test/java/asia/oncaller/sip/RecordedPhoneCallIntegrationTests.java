package asia.oncaller.sip;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import asia.oncaller.WebhookReceiver;
import asia.oncaller.billing.Rate;
import asia.oncaller.billing.RatedCallType;
import asia.oncaller.media.MediaPackets;
import asia.oncaller.media.TestTones;
import asia.oncaller.testsupport.AnswerUrlServer;
import asia.oncaller.testsupport.StompTestClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * An app-to-phone call whose SCCO has {@code record} before {@code connect}, through a real SIPp
 * carrier that plays a tone and a real rtpengine that captures the call: the recording is kept
 * as a stereo WAV whose callee channel holds the phone's tone, announced on the action's
 * eventUrl with its URL, charged once by the account's RECORD rate, downloaded over REST, and
 * the capture (the call's audio, unencrypted) is gone. A call never answered records nothing and
 * says why; an app-to-app call that records is anchored at rtpengine.
 */
class RecordedPhoneCallIntegrationTests extends PhoneCallTestSupport {

	private static final double PHONE_HZ = 700;

	@Test
	void recordedCallIsKeptAnnouncedChargedAndDownloaded() throws Exception {
		try (WebhookReceiver events = new WebhookReceiver();
				SippProcess carrier = carrier("uas-play-tone.xml").withFile("tone.pcap", TestTones.pcap(PHONE_HZ, 5))
					.start()) {
			StompTestClient alice = device("alice", "alice-phone");
			String callId = recordedCallUnderWay(carrier, alice, events);
			assertThat(alice.request("call.hangup", body(callId))).containsEntry("r", 0);
			assertThat(carrier.exitCodeWithin(SIPP_EXIT)).as(carrier.report()).isZero();

			await("recording kept").atMost(Duration.ofSeconds(15)).until(() -> "READY".equals(recordingStatus(callId)));
			HttpResponse<byte[]> audio = download("/v1/calls/" + callId + "/recording");
			assertThat(audio.statusCode()).isEqualTo(200);
			assertThat(audio.headers().firstValue("Content-Type")).hasValue("audio/wav");
			short[][] channels = TestTones.channels(audio.body(), 2);
			short[] phone = channels[1];
			int middle = phone.length / 2;
			assertThat(phone.length).as("about the 1.5 s the call lasted").isBetween(8000, 24000);
			assertThat(TestTones.share(phone, middle - 800, 1600, PHONE_HZ)).as("the phone's tone, right")
				.isGreaterThan(0.9);
			assertThat(TestTones.peak(channels[0], 0, channels[0].length))
				.as("the app sent no audio: its DTLS never completed")
				.isZero();

			String recordingId = this.jdbc.queryForObject("SELECT id FROM recording WHERE call_id = ?", String.class,
					callId);
			assertThat(download("/v1/recordings/" + recordingId).body()).isEqualTo(audio.body());
			await("recorded event").atMost(Duration.ofSeconds(10))
				.until(() -> events.delivered().stream().anyMatch((r) -> "recorded".equals(r.json().get("type"))));
			Map<String, Object> recorded = events.delivered()
				.stream()
				.filter((r) -> "recorded".equals(r.json().get("type")))
				.findFirst()
				.orElseThrow()
				.json();
			assertThat(recorded).containsEntry("callId", callId)
				.containsEntry("recordingId", recordingId)
				.containsEntry("recordingUrl", "/v1/recordings/" + recordingId)
				.containsEntry("format", "wav");
			long millis = ((Number) recorded.get("durationMillis")).longValue();
			assertThat(millis).isCloseTo(phone.length / 8, within(1L));
			List<BigDecimal> charges = this.jdbc.queryForList(
					"SELECT amount FROM balance_transaction WHERE call_id = ? AND kind = 'RECORDING_CHARGE'",
					BigDecimal.class, callId);
			long billedSeconds = (millis + 999) / 1000;
			assertThat(charges).singleElement()
				.satisfies((amount) -> assertThat(amount)
					.isEqualByComparingTo(new BigDecimal("-0.30").multiply(BigDecimal.valueOf(billedSeconds))
						.divide(BigDecimal.valueOf(60), 6, RoundingMode.HALF_UP)));
			try (Stream<Path> captures = Files.list(RECORDINGS.resolve("captures").resolve("pcaps"))) {
				assertThat(captures.map(Object::toString)).as("the capture is removed").noneMatch((name) -> name.contains(
						this.jdbc.queryForObject("SELECT sip_call_id FROM call WHERE id = ?", String.class, callId)));
			}
		}
	}

	/**
	 * A node that marked a recording CONVERTING and stopped before converting it (a restart, a
	 * kill) leaves it to another node: once the conversion has run past what a live node could
	 * take, the next look for stalled conversions claims it and makes the file from the capture
	 * still in capture-dir, announced and charged once however often the look runs.
	 */
	@Test
	void aConversionItsNodeNeverFinishedIsTakenUpAndChargedOnce() throws Exception {
		try (WebhookReceiver events = new WebhookReceiver();
				SippProcess carrier = carrier("uas-play-tone.xml").withFile("tone.pcap", TestTones.pcap(PHONE_HZ, 5))
					.start()) {
			StompTestClient alice = device("alice", "alice-phone");
			String callId = recordedCallUnderWay(carrier, alice, events);
			// The node that took the call's end marked the conversion and went away an hour ago.
			this.jdbc.update("UPDATE recording SET status = 'CONVERTING', converting_since = now() - interval '1 hour'"
					+ " WHERE call_id = ?", callId);
			assertThat(alice.request("call.hangup", body(callId))).containsEntry("r", 0);
			assertThat(carrier.exitCodeWithin(SIPP_EXIT)).as(carrier.report()).isZero();
			assertThat(recordingStatus(callId)).isEqualTo("CONVERTING");

			// The look for stalled conversions runs every second here (PhoneCallTestSupport).
			await("recording kept").atMost(Duration.ofSeconds(15)).until(() -> "READY".equals(recordingStatus(callId)));
			HttpResponse<byte[]> audio = download("/v1/calls/" + callId + "/recording");
			assertThat(audio.statusCode()).isEqualTo(200);
			short[] phone = TestTones.channels(audio.body(), 2)[1];
			assertThat(TestTones.share(phone, phone.length / 2 - 800, 1600, PHONE_HZ)).isGreaterThan(0.9);
			await("recorded event").atMost(Duration.ofSeconds(10))
				.until(() -> events.delivered().stream().anyMatch((r) -> "recorded".equals(r.json().get("type"))));
			// The looks that come after (one a second) convert, announce and charge nothing again.
			await("one recorded event and one charge, all along").during(Duration.ofMillis(2500))
				.atMost(Duration.ofSeconds(5))
				.until(() -> events.delivered().stream().filter((r) -> "recorded".equals(r.json().get("type"))).count() == 1
						&& this.jdbc.queryForObject("SELECT count(*) FROM balance_transaction WHERE call_id = ?"
								+ " AND kind = 'RECORDING_CHARGE'", Integer.class, callId) == 1);
		}
	}

	@Test
	void callNeverAnsweredRecordsNothing() throws Exception {
		try (SippProcess carrier = carrier("uas-busy.xml").start()) {
			trunkTo(carrier, null);
			StompTestClient alice = device("alice", "alice-phone");
			String callId = dial(alice, recordAction(null));
			alice.await((m) -> isState(m, callId, 5));
			await("recording given up").atMost(Duration.ofSeconds(5)).until(() -> "FAILED".equals(recordingStatus(callId)));
			assertThat(this.jdbc.queryForObject("SELECT failure FROM recording WHERE call_id = ?", String.class, callId))
				.isEqualTo("The call was not answered");
			assertThat(download("/v1/calls/" + callId + "/recording").statusCode()).isEqualTo(404);
		}
	}

	/**
	 * An app-to-app call that records is anchored at rtpengine: each app gets rtpengine's WebRTC
	 * SDP (its fingerprint and candidate, G.711), never the other app's; ICE candidates are not
	 * relayed; the recording starts on the answer; the hangup deletes the call at rtpengine.
	 */
	@Test
	void appToAppCallThatRecordsRunsItsSdpThroughRtpEngine() throws Exception {
		StompTestClient alice = device("alice", "alice-app");
		StompTestClient bob = device("bob", "bob-app");
		String callId = recordedCallRinging(alice, bob);
		String aliceOffer = MediaPackets.sdp("chromium-offer.sdp");
		alice.send("call.sdp", body(callId, "sdp", offer(aliceOffer)));

		String toBob = sdpText(bob.awaitEvent("sdp", callId));
		assertThat(toBob).contains("UDP/TLS/RTP/SAVPF 0 8 126", "a=setup:actpass", "127.0.0.1")
			.doesNotContain(fingerprint(aliceOffer), "opus");
		alice.send("call.candidate", body(callId, "candidate",
				Map.of("candidate", "candidate:1 1 udp 2122260223 10.0.0.7 50000 typ host", "sdpMid", "0",
						"sdpMLineIndex", 0)));
		assertThat(bob.receives((m) -> "candidate".equals(m.get("type")), Duration.ofMillis(500)))
			.as("the app's candidates stay with the server").isFalse();

		assertThat(bob.request("call.answer", body(callId))).containsEntry("r", 0);
		String bobAnswer = MediaPackets.sdp("chromium-answer.sdp").replace(" 101", " 126").replace(":101", ":126");
		bob.send("call.sdp", body(callId, "sdp", Map.of("type", "answer", "sdp", bobAnswer)));
		String toAlice = sdpText(alice.awaitEvent("sdp", callId));
		assertThat(toAlice).contains("UDP/TLS/RTP/SAVPF 0 126", "a=ice-ufrag:", "127.0.0.1")
			.doesNotContain(fingerprint(bobAnswer));
		assertThat(fingerprint(toAlice)).as("rtpengine's one certificate, toward both apps").isEqualTo(fingerprint(toBob));

		await("recording started").atMost(Duration.ofSeconds(5)).until(() -> "RECORDING".equals(recordingStatus(callId)));
		assertThat(alice.request("call.hangup", body(callId))).containsEntry("r", 0);
		await("the call's media deleted at rtpengine").atMost(Duration.ofSeconds(5))
			.until(() -> !knownToRtpEngine(callId));
	}

	/**
	 * An app's SDP that is neither an offer nor an answer is refused (code 10) on an anchored call
	 * and reaches nobody.
	 */
	@Test
	void anchoredCallRefusesSdpOfAnUnknownType() throws Exception {
		StompTestClient alice = device("alice", "alice-app");
		StompTestClient bob = device("bob", "bob-app");
		String callId = recordedCallRinging(alice, bob);

		assertThat(alice.request("call.sdp", body(callId, "sdp", Map.of("type", "pranswer", "sdp", "v=0"))))
			.containsEntry("r", 10);
		assertThat(bob.receives((m) -> "sdp".equals(m.get("type")), Duration.ofMillis(500))).isFalse();
		assertThat(knownToRtpEngine(callId)).isFalse();
		assertThat(alice.request("call.hangup", body(callId))).containsEntry("r", 0);
	}

	/** Alice calls Bob with an SCCO that records the call, and Bob's device rings. */
	private String recordedCallRinging(StompTestClient alice, StompTestClient bob) throws InterruptedException {
		String connect = AnswerUrlServer.connectToUser("bob", 30).trim();
		this.answerUrl.respond("[" + recordAction(null) + "," + connect.substring(1));
		Map<String, Object> reply = alice.request("call.make",
				Map.of("fromNumber", "alice", "toNumber", "bob", "isVideoCall", false));
		assertThat(reply).containsEntry("r", 0);
		String callId = (String) reply.get("callId");
		bob.awaitEvent("incomingCall", callId);
		return callId;
	}

	private static boolean knownToRtpEngine(String callId) {
		try {
			rtpengine.request("query", Map.of("call-id", callId));
			return true;
		}
		catch (asia.oncaller.media.RtpEngineException ex) {
			return false;
		}
	}

	private static String fingerprint(String sdp) {
		return sdp.lines().filter((line) -> line.startsWith("a=fingerprint:")).findFirst().orElseThrow().split(" ")[1];
	}

	/**
	 * Alice calls the carrier with a {@code record} action, its minutes priced by a RECORD rate,
	 * and the carrier answers: returns the call once rtpengine has recorded over a second of it.
	 */
	private String recordedCallUnderWay(SippProcess carrier, StompTestClient alice, WebhookReceiver events)
			throws InterruptedException {
		trunkTo(carrier, null);
		this.rates.save(new Rate(this.project.getAccountId(), RatedCallType.RECORD, "", new BigDecimal("0.30"), 1,
				"USD"));
		String callId = dial(alice, recordAction(events.url()));
		alice.await((m) -> isState(m, callId, 3));
		await("recording started").atMost(Duration.ofSeconds(5)).until(() -> "RECORDING".equals(recordingStatus(callId)));
		String sipCallId = this.jdbc.queryForObject("SELECT sip_call_id FROM call WHERE id = ?", String.class, callId);
		await("over a second of the phone's audio captured").atMost(Duration.ofSeconds(10))
			.until(() -> capturedBytes(sipCallId) > 14_000);
		return callId;
	}

	private static String recordAction(String eventUrl) {
		return "{\"action\":\"record\",\"format\":\"wav\",\"recordStereo\":true"
				+ ((eventUrl != null) ? ",\"eventUrl\":\"" + eventUrl + "\"" : "") + "}";
	}

	/** Alice calls the phone with the action before the connect, and offers media as a browser would. */
	private String dial(StompTestClient alice, String actionBefore) throws InterruptedException {
		String connect = AnswerUrlServer.connectToPhone(OUR_NUMBER, PHONE).trim();
		this.answerUrl.respond("[" + actionBefore + "," + connect.substring(1));
		Map<String, Object> reply = alice.request("call.make",
				Map.of("fromNumber", OUR_NUMBER, "toNumber", PHONE, "isVideoCall", false));
		assertThat(reply).containsEntry("r", 0);
		String callId = (String) reply.get("callId");
		alice.send("call.sdp", body(callId, "sdp", offer(MediaPackets.sdp("chromium-offer.sdp"))));
		return callId;
	}

	/**
	 * The size of rtpengine's capture of the call so far (about 230 bytes a packet), found by the
	 * Call-ID's part before any {@code @}, which rtpengine escapes in file names.
	 */
	private static long capturedBytes(String sipCallId) throws IOException {
		String name = sipCallId.split("@")[0];
		try (Stream<Path> captures = Files.list(RECORDINGS.resolve("captures").resolve("pcaps"))) {
			long bytes = 0;
			for (Path capture : captures.filter((path) -> path.getFileName().toString().startsWith(name)).toList()) {
				bytes += Files.size(capture);
			}
			return bytes;
		}
	}

}
