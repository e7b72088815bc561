package asia.oncaller.sip;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import asia.oncaller.call.CallState;
import asia.oncaller.testsupport.CustomerWebSocketServer;
import asia.oncaller.testsupport.StompTestClient;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A phone call's {@code connect} to a customer's WebSocket, every part real: SIPp as the carrier
 * with its media at this test's UDP socket ({@link CarrierMedia}), rtpengine anchoring the call,
 * and the customer's voice bot a real WebSocket server ({@link CustomerWebSocketServer}). The
 * phone's tone is measured as the L16 the bot receives, the bot's reply as the carrier hears it;
 * WebSockets that refuse, hang, close, flood or send garbage never hold the call.
 */
class WebSocketStreamIntegrationTests extends PhoneCallTestSupport {

	/** 20 ms of L16 at 16 kHz. */
	private static final int FRAME_BYTES = 640;

	private final JsonMapper json = JsonMapper.builder().build();

	@BeforeEach
	void trunk() {
		inboundTrunk(null);
	}

	@Test
	void theCallersAudioReachesTheWebSocketAsL16AndTheBotsReplyIsHeard() throws Exception {
		try (CustomerWebSocketServer bot = new CustomerWebSocketServer(); CarrierMedia phone = new CarrierMedia()) {
			bot.onStart((session) -> speak(session, 500, 1500, FRAME_BYTES));
			this.answerUrl.respond("""
					[{"action":"connect","from":{"type":"external","number":"%s"},"customData":"order-42",
					  "to":{"type":"websocket","uri":"%s","contentType":"audio/l16;rate=16000"}}]"""
				.formatted(PHONE, bot.url()));
			try (SippProcess carrier = caller("uac-ivr.xml").set("rtp_port", String.valueOf(phone.port()))
				.set("hold_ms", "6000")
				.start()) {
				InetSocketAddress rtpengine = rtpengineFor(carrier);
				await().atMost(Duration.ofSeconds(10)).until(() -> !bot.texts().isEmpty());
				phone.startSpeaking(rtpengine, 1000, 2000);

				String callId = this.answerUrl.lastQuery().get("callId");
				Map<String, Object> start = this.json.readValue(bot.texts().get(0), Map.class);
				assertThat(start).containsEntry("event", "start")
					.containsEntry("call_id", callId)
					.containsEntry("from", PHONE)
					.containsEntry("customData", "order-42")
					.containsEntry("contentType", "audio/l16;rate=16000");
				assertThat(bot.headers()).containsKeys("x-oncaller-signature", "x-oncaller-timestamp");

				// The phone's two seconds of 1 kHz, as 20 ms frames of L16 at 16 kHz.
				await().atMost(Duration.ofSeconds(10)).until(() -> loudFrames(bot.binaries()).size() >= 90);
				List<byte[]> heard = loudFrames(bot.binaries());
				assertThat(bot.binaries()).allSatisfy((frame) -> assertThat(frame).hasSize(FRAME_BYTES));
				assertThat(frequency(heard)).isBetween(980.0, 1020.0);
				assertThat(heard).hasSizeLessThanOrEqualTo(102);

				// The bot's 1.5 s of 500 Hz, as the phone hears it.
				await().atMost(Duration.ofSeconds(10)).until(() -> CarrierMedia.loudPackets(phone.audio()) >= 70);
				assertThat(CarrierMedia.frequency(phone.audio())).isBetween(485.0, 515.0);
				assertThat(CarrierMedia.loudPackets(phone.audio())).isLessThanOrEqualTo(77);

				// A key the caller presses reaches the bot as a text message.
				await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(300)).until(() -> {
					phone.press(rtpengine, 5);
					return bot.texts().size() >= 2;
				});
				assertThat(this.json.readValue(bot.texts().get(1), Map.class)).containsEntry("event", "dtmf")
					.containsEntry("digit", "5");

				// The phone hangs up: the bot's WebSocket is closed normally.
				assertThat(carrier.exitCodeWithin(Duration.ofSeconds(20))).as(carrier.report()).isZero();
				CloseReason closed = bot.closed().get(5, TimeUnit.SECONDS);
				assertThat(closed.getCloseCode().getCode()).isEqualTo(1000);
			}
		}
	}

	@Test
	void theBotHandsTheCallerToAnAppUserByClosing() throws Exception {
		StompTestClient bob = device("bob", "bob-phone");
		try (CustomerWebSocketServer bot = new CustomerWebSocketServer(); CarrierMedia phone = new CarrierMedia()) {
			bot.onStart((session) -> {
				speak(session, 500, 500, FRAME_BYTES);
				close(session, CloseReason.CloseCodes.NORMAL_CLOSURE);
			});
			this.answerUrl.respond("""
					[%s, {"action":"connect","from":{"type":"external","number":"%s"},"to":{"type":"internal","number":"bob"}}]"""
				.formatted(webSocketConnect(bot.url()), PHONE));
			try (SippProcess carrier = caller("uac-ivr.xml").set("rtp_port", String.valueOf(phone.port()))
				.set("hold_ms", "8000")
				.start()) {
				String callId = await().atMost(Duration.ofSeconds(10))
					.until(() -> this.answerUrl.lastQuery().get("callId"), (id) -> id != null);
				// The bot's half second, then the app user rings with the phone's media.
				assertThat(bob.awaitEvent("incomingCall", callId)).isNotNull();
				assertThat(CarrierMedia.frequency(phone.audio())).isBetween(485.0, 515.0);
				answer(bob, callId);
				await().atMost(Duration.ofSeconds(5)).until(() -> record(callId).getStatus() == CallState.ANSWERED);
				assertThat(carrier.exitCodeWithin(Duration.ofSeconds(20))).as(carrier.report()).isZero();
				await().atMost(Duration.ofSeconds(5)).until(() -> record(callId).getStatus() == CallState.ENDED);
			}
		}
	}

	@Test
	void aWebSocketThatRefusesHangsOrIsNotAllowedIsSkippedAndTheSccoGoesOn() throws Exception {
		try (CustomerWebSocketServer refusing = new CustomerWebSocketServer();
				ServerSocket hanging = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
				CarrierMedia phone = new CarrierMedia()) {
			refusing.refuse();
			this.answerUrl.respond("""
					[%s, %s, %s, {"action":"talk","text":"Goodbye","bargeIn":false}]""".formatted(
					webSocketConnect(refusing.url()), webSocketConnect("ws://169.254.169.254/bot"),
					webSocketConnect("ws://127.0.0.1:" + hanging.getLocalPort() + "/bot")));
			long started = System.nanoTime();
			try (SippProcess carrier = caller("uac-ivr-server-bye.xml").set("rtp_port", String.valueOf(phone.port()))
				.start()) {
				assertThat(carrier.exitCodeWithin(Duration.ofSeconds(20))).as(carrier.report()).isZero();
			}
			// The hanging one's 5 s (oncaller.ivr.websocket.connect-timeout), the talk, and slack.
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofSeconds(5),
					Duration.ofSeconds(14));
			assertThat(refusing.texts()).isEmpty();
			assertThat(CarrierMedia.loudPackets(phone.audio())).isGreaterThan(10);
		}
	}

	@Test
	void aWebSocketThatClosesMidCallLetsTheSccoGoOn() throws Exception {
		try (CustomerWebSocketServer bot = new CustomerWebSocketServer(); CarrierMedia phone = new CarrierMedia()) {
			bot.onStart((session) -> {
				speak(session, 500, 1000, FRAME_BYTES);
				close(session, CloseReason.CloseCodes.NORMAL_CLOSURE);
			});
			this.answerUrl.respond("""
					[%s, {"action":"talk","text":"Goodbye","bargeIn":false}]""".formatted(webSocketConnect(bot.url())));
			try (SippProcess carrier = caller("uac-ivr-server-bye.xml").set("rtp_port", String.valueOf(phone.port()))
				.start()) {
				assertThat(carrier.exitCodeWithin(Duration.ofSeconds(20))).as(carrier.report()).isZero();
			}
			// The bot's second of tone, then the talk right after it: the SCCO went on when the
			// WebSocket closed.
			List<CarrierMedia.Packet> heard = phone.audio();
			assertThat(heard).hasSizeGreaterThan(60);
			assertThat(CarrierMedia.frequency(heard.subList(0, 45))).isBetween(485.0, 515.0);
			assertThat(CarrierMedia.loudPackets(heard.subList(55, heard.size()))).isGreaterThan(10);
		}
	}

	@Test
	void aFloodOfAudioAndTextGarbageIsBoundedAndAnOversizedMessageClosesTheWebSocket() throws Exception {
		try (CustomerWebSocketServer bot = new CustomerWebSocketServer(); CarrierMedia phone = new CarrierMedia()) {
			bot.onStart((session) -> {
				for (int i = 0; i < 1000; i++) {
					CustomerWebSocketServer.send(session, "not json \u0000 " + i);
				}
				// Five minutes of 400 Hz as fast as the connection takes it, in 1 s messages.
				byte[] second = l16Tone(400, 1000);
				for (int i = 0; i < 300; i++) {
					CustomerWebSocketServer.send(session, second);
				}
				LockSupport.parkNanos(Duration.ofSeconds(2).toNanos());
				CustomerWebSocketServer.send(session, new byte[100_000]);
			});
			this.answerUrl.respond("""
					[%s, {"action":"talk","text":"Goodbye","bargeIn":false}]""".formatted(webSocketConnect(bot.url())));
			try (SippProcess carrier = caller("uac-ivr-server-bye.xml").set("rtp_port", String.valueOf(phone.port()))
				.start()) {
				assertThat(carrier.exitCodeWithin(Duration.ofSeconds(20))).as(carrier.report()).isZero();
			}
			assertThat(bot.closed().get(5, TimeUnit.SECONDS).getCloseCode().getCode()).isEqualTo(4009);
			// What played of the flood: about the 2 s before the oversized message, at its
			// frequency, then the talk.
			List<CarrierMedia.Packet> heard = phone.audio();
			assertThat(heard).hasSizeGreaterThan(100);
			assertThat(CarrierMedia.frequency(heard.subList(0, 80))).isBetween(390.0, 410.0);
		}
	}

	@Test
	void aClearDropsTheAudioSentAheadAndUnknownOrGarbageTextDoesNot() throws Exception {
		CompletableFuture<Session> started = new CompletableFuture<>();
		try (CustomerWebSocketServer bot = new CustomerWebSocketServer(); CarrierMedia phone = new CarrierMedia()) {
			bot.onStart(started::complete);
			this.answerUrl.respond("[%s]".formatted(webSocketConnect(bot.url())));
			try (SippProcess carrier = caller("uac-ivr-server-bye.xml").set("rtp_port", String.valueOf(phone.port()))
				.start()) {
				Session session = started.get(10, TimeUnit.SECONDS);
				// Five seconds of 500 Hz sent ahead at once, as a bot sends a sentence it synthesized.
				byte[] second = l16Tone(500, 1000);
				for (int i = 0; i < 5; i++) {
					CustomerWebSocketServer.send(session, second);
				}
				await().atMost(Duration.ofSeconds(10)).until(() -> CarrierMedia.loudPackets(phone.audio()) >= 25);
				// Not a clear: garbage, other events, the word in the wrong place or case.
				for (String text : List.of("not json \u0000", "clear", "[\"clear\"]", "{\"event\":\"Clear\"}",
						"{\"event\":\"clear \"}", "{\"clear\":true}", "{\"event\":{\"clear\":1}}", "{\"event\":\"mark\"}",
						"{\"event\":\"clear\"")) {
					CustomerWebSocketServer.send(session, text);
				}
				// The 500 Hz goes on past the garbage; then the bot is interrupted: clear, and its new answer.
				await().atMost(Duration.ofSeconds(10)).until(() -> CarrierMedia.loudPackets(phone.audio()) >= 50);
				CustomerWebSocketServer.send(session, "{\"event\":\"clear\",\"reason\":\"barge-in\"}");
				CustomerWebSocketServer.send(session, l16Tone(800, 1000));
				await().atMost(Duration.ofSeconds(10))
					.until(() -> CarrierMedia.loudPackets(phone.audio()) >= 50 + 45 && near(800, last(phone.audio(), 20)));
				close(session, CloseReason.CloseCodes.NORMAL_CLOSURE);
				assertThat(carrier.exitCodeWithin(Duration.ofSeconds(20))).as(carrier.report()).isZero();
			}
			// Well under the five seconds of 500 Hz (1 s, and what was heard while the test sent the
			// clear), then the 800 Hz and nothing of the 500 Hz after it.
			List<CarrierMedia.Packet> heard = phone.audio()
				.stream()
				.filter((packet) -> packet.rms() >= CarrierMedia.SILENCE_RMS)
				.toList();
			int first800 = 0;
			while (first800 < heard.size() && !near(800, List.of(heard.get(first800)))) {
				first800++;
			}
			assertThat(first800).isBetween(50, 90);
			assertThat(CarrierMedia.frequency(heard.subList(0, first800))).isBetween(485.0, 515.0);
			List<CarrierMedia.Packet> after = heard.subList(first800, heard.size());
			assertThat(after).hasSizeBetween(45, 52);
			assertThat(after).allSatisfy((packet) -> assertThat(near(800, List.of(packet))).isTrue());
		}
	}

	private static boolean near(double hz, List<CarrierMedia.Packet> packets) {
		return !packets.isEmpty() && Math.abs(CarrierMedia.frequency(packets) - hz) <= 30;
	}

	private static List<CarrierMedia.Packet> last(List<CarrierMedia.Packet> packets, int count) {
		return packets.subList(Math.max(0, packets.size() - count), packets.size());
	}

	private static String webSocketConnect(String uri) {
		return """
				{"action":"connect","from":{"type":"external","number":"%s"},"to":{"type":"websocket","uri":"%s"}}"""
			.formatted(PHONE, uri);
	}

	/** The bot speaks: a tone as L16 at 16 kHz, in messages of {@code bytes}, in real time. */
	private static void speak(Session session, double hz, int millis, int bytes) {
		byte[] tone = l16Tone(hz, millis);
		long start = System.nanoTime();
		for (int at = 0, message = 0; at < tone.length; at += bytes, message++) {
			byte[] frame = new byte[Math.min(bytes, tone.length - at)];
			System.arraycopy(tone, at, frame, 0, frame.length);
			CustomerWebSocketServer.send(session, frame);
			LockSupport.parkNanos(start + (message + 1) * 20_000_000L - System.nanoTime());
		}
	}

	private static void close(Session session, CloseReason.CloseCodes code) {
		try {
			session.close(new CloseReason(code, "bye"));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A sine of 12000 peak at 16 kHz, 16-bit little-endian. */
	private static byte[] l16Tone(double hz, int millis) {
		ByteBuffer tone = ByteBuffer.allocate(millis * 32).order(ByteOrder.LITTLE_ENDIAN);
		for (int i = 0; i < millis * 16; i++) {
			tone.putShort((short) (12000 * Math.sin(2 * Math.PI * hz * i / 16000)));
		}
		return tone.array();
	}

	private static short[] samples(byte[] l16) {
		short[] samples = new short[l16.length / 2];
		ByteBuffer.wrap(l16).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
		return samples;
	}

	private static List<byte[]> loudFrames(List<byte[]> frames) {
		return frames.stream().filter((frame) -> {
			double sum = 0;
			short[] samples = samples(frame);
			for (short sample : samples) {
				sum += (double) sample * sample;
			}
			return Math.sqrt(sum / Math.max(1, samples.length)) >= CarrierMedia.SILENCE_RMS;
		}).toList();
	}

	/** The main frequency of L16 frames at 16 kHz, by counting zero crossings. */
	private static double frequency(List<byte[]> frames) {
		int crossings = 0;
		int count = 0;
		short previous = 0;
		for (byte[] frame : frames) {
			for (short sample : samples(frame)) {
				if (count > 0 && (previous < 0) != (sample < 0)) {
					crossings++;
				}
				previous = sample;
				count++;
			}
		}
		return (count == 0) ? 0 : crossings / 2.0 / (count / 16000.0);
	}

}
