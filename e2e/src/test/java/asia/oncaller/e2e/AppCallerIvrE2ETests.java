package asia.oncaller.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import asia.oncaller.client.CallResult;
import asia.oncaller.client.MediaOptions;
import asia.oncaller.media.TestTones;
import asia.oncaller.outbound.RequestSigner;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * An app caller whose answer_url runs actions before its connect, end to end: two Java SDK
 * clients in the network namespace, a real rtpengine, the answer_url and the eventUrl real HTTP
 * servers. The server answers Alice's offer itself at rtpengine and plays the account's greeting
 * (a 500 Hz tone), which Alice hears at its frequency; her {@code call.dtmf} digits reach the
 * {@code input}, whose eventUrl gets them signed with the documented body and answers a connect to
 * Bob; rtpengine re-offers Alice's side to Bob, whose answer completes the bridge: each then
 * hears the other's tone. The call stays one record, ended once.
 */
class AppCallerIvrE2ETests extends TwoUsersE2ESupport {

	private static final double ALICE_HZ = 1000;

	private static final double BOB_HZ = 700;

	private static final int GREETING_HZ = 500;

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@RegisterExtension
	static final PhoneLegRtpEngine RTPENGINE = new PhoneLegRtpEngine();

	@Test
	void anAppCallerHearsTheGreetingPressesDigitsAndIsConnectedToAnotherApp() throws Exception {
		String connect = """
				[{"action":"connect","from":{"type":"internal","number":"alice-aivr"},
				  "to":{"type":"internal","number":"bob-aivr"},"timeout":20}]""";
		try (EventUrl eventUrl = new EventUrl(connect)) {
			String scco = """
					[{"action":"play","fileName":"greeting.wav","loop":10,"bargeIn":true},
					 {"action":"input","eventUrl":"%s","maxDigits":2,"timeout":20,"submitOnHash":false,
					  "customField":"main-menu"}]""".formatted(eventUrl.url());
			try (AnswerUrl answerUrl = new AnswerUrl(scco)) {
				PhoneTenant tenant = PhoneTenant.create("+15550177021", 5060, answerUrl.url());
				assertThat(upload(tenant, "greeting.wav", toneWav(GREETING_HZ, 5000)).statusCode()).isEqualTo(201);
				this.alice = TestUser.connectWithToken("alice-aivr", "alice-aivr-device",
						MediaOptions.synthetic(ALICE_HZ), tenant.clientToken("alice-aivr"));
				this.bob = TestUser.connectWithToken("bob-aivr", "bob-aivr-device", MediaOptions.synthetic(BOB_HZ),
						tenant.clientToken("bob-aivr"));
				AtomicReference<CallProbe> callee = new AtomicReference<>();
				this.bob.onIncoming((incoming) -> {
					callee.set(new CallProbe(incoming));
					incoming.answer((r) -> {
					});
				});

				CallProbe caller = this.alice.call("bob-aivr", false);
				CallResult made = CallProbe.result(caller.makeResult);
				assertThat(made.r()).as("makeCall").isZero();
				String callId = (String) made.data().get("callId");
				await("the server answers alice's media").atMost(TIMEOUT)
					.until(() -> caller.hasSignalingState(3) && caller.mediaConnected());
				assertThat(callee.get()).as("nobody rings before the connect").isNull();
				ToneMeter greeting = caller.measureToneAgain();
				await("two seconds of the greeting").atMost(TIMEOUT).until(greeting::done);
				assertThat(greeting.frequency()).as("alice hears the greeting").isCloseTo(GREETING_HZ, within(5.0));

				CompletableFuture<CallResult> dtmf = new CompletableFuture<>();
				caller.call.sendDtmf("12", dtmf::complete);
				assertThat(CallProbe.result(dtmf).r()).as("call.dtmf").isZero();
				EventUrl.Request posted = eventUrl.requests.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
				assertThat(posted).as("the input's POST").isNotNull();
				assertThat(posted.body()).contains("\"dtmf\":\"12\"", "\"call_id\":\"" + callId + "\"",
						"\"timeout\":false", "\"customField\":\"main-menu\"");
				String timestamp = posted.headers().get(RequestSigner.TIMESTAMP_HEADER);
				assertThat(posted.headers().get(RequestSigner.SIGNATURE_HEADER)).as("signed with the project's secret")
					.isEqualTo(RequestSigner
						.headers(tenant.signingSecret(), Long.parseLong(timestamp), "POST", eventUrl.url(), posted.body())
						.get(RequestSigner.SIGNATURE_HEADER));

				await("bob's device rings").atMost(TIMEOUT).until(() -> callee.get() != null);
				await("bob's media connects through rtpengine").atMost(TIMEOUT).until(() -> callee.get().mediaConnected());
				ToneMeter aliceHears = caller.measureToneAgain();
				ToneMeter bobHears = callee.get().measureToneAgain();
				await("two seconds of tone on both sides").atMost(TIMEOUT)
					.until(() -> aliceHears.done() && bobHears.done());
				assertThat(aliceHears.frequency()).as("alice hears bob's tone").isCloseTo(BOB_HZ, within(5.0));
				assertThat(bobHears.frequency()).as("bob hears alice's tone").isCloseTo(ALICE_HZ, within(5.0));

				CompletableFuture<CallResult> hangup = new CompletableFuture<>();
				caller.call.hangup(hangup::complete);
				assertThat(CallProbe.result(hangup).r()).as("hangup").isZero();
				await("bob hears the end").atMost(TIMEOUT).until(() -> callee.get().hasSignalingState(6));
			}
		}
	}

	/**
	 * A voicemail for an app caller: {@code recordMessage} has rtpengine send Alice's audio to the
	 * server's socket, re-answering the placeholder side of her call (her side keeps its ports and
	 * keys); the message, downloaded over REST, holds her 1 kHz tone, and the SCCO's end ends the call.
	 */
	@Test
	void anAppCallersMessageIsRecorded() throws Exception {
		String scco = """
				[{"action":"recordMessage","format":"wav","beepStart":false,"timeout":4,"silenceTimeout":0}]""";
		try (AnswerUrl answerUrl = new AnswerUrl(scco)) {
			PhoneTenant tenant = PhoneTenant.create("+15550177022", 5060, answerUrl.url());
			this.alice = TestUser.connectWithToken("alice-avm", "alice-avm-device", MediaOptions.synthetic(ALICE_HZ),
					tenant.clientToken("alice-avm"));
			CallProbe caller = this.alice.call("voicemail", false);
			CallResult made = CallProbe.result(caller.makeResult);
			assertThat(made.r()).as("makeCall").isZero();
			String callId = (String) made.data().get("callId");
			await("the message's end ends the call").atMost(TIMEOUT).until(() -> caller.hasSignalingState(6));

			HttpResponse<byte[]> audio = await("the message").atMost(TIMEOUT)
				.until(() -> tenant.recordingOf(callId), (response) -> response.statusCode() == 200);
			short[] mono = TestTones.channels(audio.body(), 1)[0];
			assertThat(mono.length).as("over a second of audio").isGreaterThan(8000);
			// The end of the message: the start may be silence while ICE and DTLS complete.
			int window = mono.length - 4800;
			assertThat(TestTones.share(mono, window, 3200, ALICE_HZ)).as("alice's tone in her message")
				.isGreaterThan(0.8);
		}
	}

	/** {@code PUT /v1/greeting-files/{name}} with the project's REST token. */
	private static HttpResponse<String> upload(PhoneTenant tenant, String name, byte[] wav) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + E2eServer.get().port() + "/v1/greeting-files/" + name))
				.header("Authorization", "Bearer " + tenant.restToken())
				.header("Content-Type", "audio/wav")
				.PUT(HttpRequest.BodyPublishers.ofByteArray(wav))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A WAV file of a sine tone: 8 kHz, 16-bit, mono. */
	private static byte[] toneWav(int hertz, int millis) {
		int samples = 8 * millis;
		ByteBuffer wav = ByteBuffer.allocate(44 + 2 * samples).order(ByteOrder.LITTLE_ENDIAN);
		wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + 2 * samples);
		wav.put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1);
		wav.putInt(8000).putInt(16000).putShort((short) 2).putShort((short) 16);
		wav.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(2 * samples);
		for (int i = 0; i < samples; i++) {
			wav.putShort((short) (12000 * Math.sin(2 * Math.PI * hertz * i / 8000.0)));
		}
		return wav.array();
	}

	/** The customer's eventUrl: a real HTTP server on loopback that keeps each POST and answers one SCCO. */
	private static final class EventUrl implements AutoCloseable {

		private final HttpServer server;

		private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();

		EventUrl(String scco) throws IOException {
			byte[] answer = scco.getBytes(StandardCharsets.UTF_8);
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			this.server.createContext("/event", (exchange) -> {
				String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
				this.requests.add(new Request(body,
						Map.of(RequestSigner.TIMESTAMP_HEADER,
								String.valueOf(exchange.getRequestHeaders().getFirst(RequestSigner.TIMESTAMP_HEADER)),
								RequestSigner.SIGNATURE_HEADER,
								String.valueOf(exchange.getRequestHeaders().getFirst(RequestSigner.SIGNATURE_HEADER)))));
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, answer.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(answer);
				}
			});
			this.server.start();
		}

		String url() {
			return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/event";
		}

		@Override
		public void close() {
			this.server.stop(0);
		}

		private record Request(String body, Map<String, String> headers) {
		}

	}

}
