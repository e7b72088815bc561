package asia.oncaller.signaling;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import asia.oncaller.HostileJson;
import asia.oncaller.PropertyContext;
import asia.oncaller.auth.AuthCode;
import asia.oncaller.testsupport.CallTestSupport;
import asia.oncaller.testsupport.StompTestClient;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Broken STOMP over a raw WebSocket to the running server: unknown and mangled commands,
 * headers with bad escapes, bad content-lengths and thousands of headers, missing or extra NULs,
 * frames before CONNECT, binary garbage, and CONNECTs with damaged tokens. The server answers
 * with an ERROR frame (with a PROTOCOL code where it gives one, never a stack trace) and/or
 * closes the connection within a bounded time, and afterwards still serves a call.
 */
class StompFrameFuzzIntegrationTests extends CallTestSupport {

	private static final Duration BOUND = Duration.ofSeconds(10);

	/** Past the 64 KB a message may have: whatever the frames before left open, this closes. */
	private static final String OVERSIZED = "x".repeat(70_000);

	/** PROTOCOL §1 and docs/protocol.md §2: the codes of an ERROR frame. */
	private static final Set<String> ERROR_CODES = Arrays.stream(AuthCode.values())
		.filter((code) -> code != AuthCode.OK)
		.map((code) -> String.valueOf(code.code()))
		.collect(Collectors.toUnmodifiableSet());

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final String SESSION_CLOSED = "Session closed.";

	private static final Pattern STACK_TRACE = Pattern.compile("\\sat [\\w$.]+\\(|Caused by:|\\.java:\\d+\\)");

	private static final List<String> COMMANDS = List.of("CONNECT", "STOMP", "SEND", "SUBSCRIBE", "UNSUBSCRIBE",
			"ACK", "NACK", "BEGIN", "COMMIT", "ABORT", "DISCONNECT", "MESSAGE", "RECEIPT", "ERROR", "CONNECTED");

	@BeforeProperty
	void startServerSide() throws Exception {
		PropertyContext.inject(this);
		startAnswerUrlAndTenant();
	}

	@AfterProperty
	void serverStillServesACall() throws Exception {
		try {
			String health = RestClient.create("http://127.0.0.1:" + this.port)
				.get()
				.uri("/actuator/health")
				.retrieve()
				.body(String.class);
			assertThat(health).contains("\"UP\"");
			StompTestClient alice = device("alice-" + UUID.randomUUID(), "a1");
			String bob = "bob-" + UUID.randomUUID();
			StompTestClient bobDevice = device(bob, "b1");
			String callId = call(alice, bob, 30);
			bobDevice.awaitEvent("incomingCall", callId);
			assertThat(alice.request("call.hangup", body(callId))).containsEntry("r", 0);
		}
		finally {
			closeClients();
		}
	}

	@Property(tries = 150)
	void brokenFramesGetAnErrorOrACloseAndNoStackTrace(@ForAll boolean connectFirst,
			@ForAll("brokenFrames") List<Frame> frames) throws Exception {
		try (RawStompSocket socket = RawStompSocket.open(HTTP, this.port)) {
			if (connectFirst) {
				socket.sendRaw(connect("access-token:" + token()));
				assertThat(socket.nextFrame(BOUND)).startsWith("CONNECTED");
			}
			frames.forEach((frame) -> frame.sendTo(socket));
			socket.sendRaw(OVERSIZED);
			assertThat(socket.framesUntilClosed(BOUND)).allSatisfy(StompFrameFuzzIntegrationTests::isHarmless);
		}
	}

	@Property(tries = 100)
	void aConnectWithABadTokenGetsItsAuthenCodeAndIsClosed(@ForAll("badTokens") TokenDamage damage,
			@ForAll boolean asBearer, @ForAll boolean asStompCommand) throws Exception {
		String token = damage.apply(token());
		String header = asBearer ? "Authorization:Bearer " + token : "access-token:" + token;
		try (RawStompSocket socket = RawStompSocket.open(HTTP, this.port)) {
			// STOMP is STOMP 1.2's other name for CONNECT, and must be checked as strictly.
			socket.sendRaw(asStompCommand ? connect(header).replaceFirst("CONNECT", "STOMP") : connect(header));
			List<String> frames = socket.framesUntilClosed(BOUND);
			assertThat(frames).as("frames for %s", damage).hasSize(1);
			assertThat(frames.get(0)).startsWith("ERROR\n");
			assertThat(headers(frames.get(0))).containsKey("code");
			assertThat(Integer.parseInt(headers(frames.get(0)).get("code"))).isBetween(1, 8);
		}
	}

	@Provide
	Arbitrary<TokenDamage> badTokens() {
		return Combinators
			.combine(Arbitraries.of(TokenDamage.Kind.values()), Arbitraries.doubles().between(0, 1),
					Arbitraries.of('!', '*', '~', '$', '%', '.', '\u00e9'))
			.as(TokenDamage::new);
	}

	@Provide
	Arbitrary<List<Frame>> brokenFrames() {
		Arbitrary<Frame> text = Arbitraries.strings()
			.withCharRange('\u0000', '\uD7FF')
			.ofMaxLength(300)
			.map(Frame::text);
		Arbitrary<Frame> binary = Arbitraries.bytes().array(byte[].class).ofMaxSize(300).map(Frame::binary);
		Arbitrary<Frame> binaryStomp = stompFrames().map((frame) -> Frame.binary(withInvalidUtf8(frame.text())));
		Arbitrary<Frame> mutated = Combinators
			.combine(Arbitraries.of(validFrames()), Arbitraries.doubles().between(0, 1),
					Arbitraries.of("", "\0", "\n", ":", "\\", "\r", "\\t", "\u00ff"), Arbitraries.integers().between(0, 8))
			.as((frame, at, insert, cut) -> {
				int position = (int) (frame.length() * at);
				return Frame.text(frame.substring(0, position) + insert
						+ frame.substring(Math.min(frame.length(), position + cut)));
			});
		return Arbitraries.frequencyOf(Tuple.of(5, stompFrames()), Tuple.of(3, mutated),
				Tuple.of(1, text), Tuple.of(1, binary),
				Tuple.of(1, binaryStomp))
			.list()
			.ofMinSize(1)
			.ofMaxSize(3);
	}

	/** Frames built as STOMP lays them out, each part chosen to be wrong in some way. */
	private Arbitrary<Frame> stompFrames() {
		Arbitrary<String> command = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.of(COMMANDS)),
				Tuple.of(1, Arbitraries.of("connect", " SEND", "SEND ", "", "\r", "SEND\r", "\uFEFFSEND")),
				Tuple.of(1, Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(12)));
		Arbitrary<String> name = Arbitraries.oneOf(
				Arbitraries.of("destination", "content-length", "content-type", "id", "receipt", "heart-beat",
						"accept-version", "host", "subscription", "ack", "transaction", "access-token"),
				Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(10));
		Arbitrary<String> value = Arbitraries.oneOf(
				Arbitraries.of("/app/call.make", "/app/call.hangup", "/queue/**", "/user/queue/events",
						"/user/x/queue/events", "/app/", "/topic/x", "-1", "abc", "0", "99999999999999999999", "70000",
						"1,1", "-5,x", "999999999999,1", "1.2", "9.9", "\\t", "\\", "a:b", "text/plain;charset=nope"),
				Arbitraries.strings().withCharRange('\u0000', '\uD7FF').ofMaxLength(20));
		Arbitrary<String> headers = Arbitraries.oneOf(
				Combinators.combine(name, value)
					.as((n, v) -> n + ":" + v)
					.list()
					.ofMaxSize(6)
					.map((lines) -> String.join("\n", lines)),
				Arbitraries.integers().between(0, 4_000).map((count) -> IntStream.range(0, count)
					.mapToObj((i) -> "h" + i + ":v")
					.collect(Collectors.joining("\n"))));
		Arbitrary<String> body = Arbitraries.oneOf(Arbitraries.strings().withCharRange('\u0000', '\uD7FF').ofMaxLength(100),
				HostileJson.values().map((json) -> new String(HostileJson.write(json), StandardCharsets.UTF_8)));
		Arbitrary<String> end = Arbitraries.of("\0", "", "\0\0", "\0\n\n", "\0GARBAGE");
		return Combinators.combine(command, headers, body, end)
			.as((c, h, b, e) -> c + "\n" + h + "\n\n" + b + e)
			.filter((frame) -> frame.length() <= HostileJson.MAX_BYTES)
			.map(Frame::text);
	}

	private static List<String> validFrames() {
		return List.of("SEND\ndestination:/app/call.hangup\ncontent-type:application/json\ncontent-length:15\n\n"
				+ "{\"callId\":\"x\"}\0", "SUBSCRIBE\nid:0\ndestination:/user/queue/events\n\n\0",
				"CONNECT\naccept-version:1.2\nhost:127.0.0.1\nheart-beat:0,0\n\n\0", "DISCONNECT\nreceipt:1\n\n\0");
	}

	private static byte[] withInvalidUtf8(String frame) {
		byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
		byte[] result = new byte[bytes.length + 1];
		int at = bytes.length / 2;
		System.arraycopy(bytes, 0, result, 0, at);
		result[at] = (byte) 0xFF;
		System.arraycopy(bytes, at, result, at + 1, bytes.length - at);
		return result;
	}

	/**
	 * An ERROR carries a documented code and never a stack trace or a word of the server's
	 * internals; no reply is r=13. The one ERROR without a code is Spring's answer to a
	 * DISCONNECT that asked for no receipt, "Session closed." (docs/protocol.md §2).
	 */
	private static void isHarmless(String frame) {
		if (frame.startsWith("ERROR")) {
			Map<String, String> headers = headers(frame);
			if (!SESSION_CLOSED.equals(headers.get("message"))) {
				assertThat(headers.get("code")).as("code of %s", frame).isIn(ERROR_CODES);
			}
			assertThat(STACK_TRACE.matcher(frame).find()).as("stack trace in %s", frame).isFalse();
			assertThat(frame).doesNotContain("org.springframework", "Exception", "java.");
		}
		assertThat(frame).doesNotContain("\"r\":13");
	}

	private static Map<String, String> headers(String frame) {
		return frame.lines()
			.skip(1)
			.takeWhile((line) -> !line.isEmpty())
			.filter((line) -> line.contains(":"))
			.collect(Collectors.toMap((line) -> line.substring(0, line.indexOf(':')),
					(line) -> line.substring(line.indexOf(':') + 1), (first, second) -> first));
	}

	private String connect(String tokenHeader) {
		return "CONNECT\naccept-version:1.2\nhost:127.0.0.1\nheart-beat:0,0\ndevice-id:d1\n" + tokenHeader + "\n\n\0";
	}

	private String token() {
		return this.tenants.clientToken(this.project, "fuzz-" + UUID.randomUUID());
	}

	/** One WebSocket message, text or binary, as a fuzz test sends it. */
	record Frame(String text, byte[] bytes) {

		static Frame text(String text) {
			return new Frame(text, null);
		}

		static Frame binary(byte[] bytes) {
			return new Frame(null, bytes);
		}

		void sendTo(RawStompSocket socket) {
			if (this.text != null) {
				socket.sendRaw(this.text);
			}
			else {
				socket.sendBinary(this.bytes);
			}
		}

		/** The start of the frame, escaped, for jqwik's report of a failing sample. */
		@Override
		public String toString() {
			String shown = (this.text != null) ? this.text : "binary " + new String(this.bytes, StandardCharsets.ISO_8859_1);
			return shown.substring(0, Math.min(shown.length(), 200)).replace("\0", "^@").replace("\n", "\\n");
		}

	}

	/** A way to spoil a valid client token; every one of them must be refused with its code. */
	record TokenDamage(Kind kind, double at, char insert) {

		enum Kind {

			EMPTY, TRUNCATE, INSERT, SWAP_HEADER_AND_PAYLOAD, OTHER_SIGNATURE, ALG_NONE, GARBAGE

		}

		String apply(String token) {
			String[] parts = token.split("\\.");
			int position = (int) ((token.length() - 1) * this.at);
			return switch (this.kind) {
				case EMPTY -> "";
				case TRUNCATE -> token.substring(0, position);
				case INSERT -> token.substring(0, position) + this.insert + token.substring(position);
				case SWAP_HEADER_AND_PAYLOAD -> parts[1] + "." + parts[0] + "." + parts[2];
				case OTHER_SIGNATURE -> parts[0] + "." + parts[1] + "." + base64(UUID.randomUUID().toString());
				case ALG_NONE -> base64("{\"typ\":\"JWT\",\"alg\":\"none\"}") + "." + parts[1] + ".";
				case GARBAGE -> "x".repeat(position + 1) + this.insert;
			};
		}

		private static String base64(String text) {
			return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
		}

	}

}
