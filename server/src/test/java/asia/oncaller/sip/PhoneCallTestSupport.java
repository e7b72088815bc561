package asia.oncaller.sip;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import asia.oncaller.billing.Rate;
import asia.oncaller.billing.RateRepository;
import asia.oncaller.billing.RatedCallType;
import asia.oncaller.media.MediaPackets;
import asia.oncaller.media.RtpEngineProcess;
import asia.oncaller.numbers.PhoneNumber;
import asia.oncaller.numbers.PhoneNumberRepository;
import asia.oncaller.testsupport.CallTestSupport;
import asia.oncaller.testsupport.StompTestClient;
import asia.oncaller.trunks.DtmfMode;
import asia.oncaller.trunks.SipTransport;
import asia.oncaller.trunks.SipTrunk;
import asia.oncaller.trunks.SipTrunkRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the phone-call tests share: real SIPp processes as the carrier, a real rtpengine bridging
 * the media, the test account's trunk and number, and an app side that is a real STOMP client
 * sending the SDP a browser would.
 * <p>
 * The SIP port, rtpengine's ng port and its DTMF report port are fixed for the JVM, so that both
 * directions' test classes share one cached server context (one database pool); rtpengine is
 * started before each class and stopped after it, on the same ng port.
 */
abstract class PhoneCallTestSupport extends CallTestSupport {

	static final String OUR_NUMBER = "+15550100";

	static final String PHONE = "15550123";

	static final Duration SIPP_EXIT = Duration.ofSeconds(15);

	private static final Pattern ANSWER_MEDIA = Pattern.compile("SIP/2.0 200 OK.*?m=audio (\\d+)", Pattern.DOTALL);

	/**
	 * How long the server waits for the app's SDP once the app answered a phone's call: short, so
	 * that the test of its expiry is quick, but not so short that a loaded CI machine, between a
	 * test's {@code call.answer} and its {@code call.sdp}, lets it expire (2 s did, once).
	 */
	static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(5);

	static final int SIP_PORT = freePort();

	/** Where rtpengine reports the RFC 4733 digits it sees, and the server listens for them. */
	private static final int DTMF_REPORTS = freePort();

	/** rtpengine's ng port, which every node of a cluster test uses too. */
	static final int NG_PORT = freePort();

	/** rtpengine's captures of recorded calls ({@code --recording-dir}), and where recordings are kept. */
	static final Path RECORDINGS = Path.of("target", "recordings-" + NG_PORT).toAbsolutePath();

	@RegisterExtension
	static final RtpEngineProcess rtpengine = new RtpEngineProcess("--dtmf-log-dest=127.0.0.1:" + DTMF_REPORTS,
			"--recording-dir=" + RECORDINGS.resolve("captures"), "--recording-method=pcap")
		.ngPort(NG_PORT);

	@DynamicPropertySource
	static void sipAndMedia(DynamicPropertyRegistry registry) {
		registry.add("oncaller.sip.port", () -> SIP_PORT);
		registry.add("oncaller.media.rtpengine.dtmf-log-listen", () -> "127.0.0.1:" + DTMF_REPORTS);
		registry.add("oncaller.media.rtpengine.ng", () -> "127.0.0.1:" + NG_PORT);
		registry.add("oncaller.recording.capture-dir", () -> RECORDINGS.resolve("captures").toString());
		registry.add("oncaller.recording.dir", () -> RECORDINGS.resolve("kept").toString());
		registry.add("oncaller.recording.prune-interval", () -> "1s");
		// One call set-up at a time, so that a held answer_url puts the node past its capacity
		// (InboundCallsIntegrationTests); every other test sets up one call at a time anyway.
		registry.add("oncaller.limits.setups-at-once", () -> 1);
		registry.add("oncaller.sip.retry-after", () -> "7s");
		registry.add("oncaller.sip.answer-timeout", () -> ANSWER_TIMEOUT.toMillis() + "ms");
	}

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SipTrunkRepository trunks;

	@Autowired
	PhoneNumberRepository numbers;

	@Autowired
	RateRepository rates;

	TestInfo test;

	@BeforeEach
	void remember(TestInfo test) {
		this.test = test;
	}

	/**
	 * The callee's device rings, as SDKs do on {@code incomingCall}, answers, then sends the
	 * answer to the phone's offer it was given.
	 */
	void answer(StompTestClient device, String callId) throws InterruptedException {
		Map<String, Object> offer = device.awaitEvent("sdp", callId);
		assertThat(sdpText(offer)).contains("UDP/TLS/RTP/SAVPF", "a=ice-ufrag:");
		assertThat(device.request("call.ringing", body(callId))).containsEntry("r", 0);
		assertThat(device.request("call.answer", body(callId))).containsEntry("r", 0);
		device.send("call.sdp", body(callId, "sdp", Map.of("type", "answer", "sdp", MediaPackets.sdp("chromium-answer.sdp"))));
	}

	/** A carrier playing the scenario, with its logs under this test's name. */
	SippOptions carrier(String scenario) {
		return SippProcess.scenario(scenario).in(this.test);
	}

	/** The carrier calling our number at the server's SIP port. */
	SippOptions caller(String scenario) {
		return SippProcess.scenario(scenario).in(this.test).remote(SIP_PORT).service(OUR_NUMBER).set("caller", PHONE);
	}

	/** The test account's trunk to the carrier, our number on it, and a rate for phone calls. */
	SipTrunk trunkTo(SippProcess carrier, DtmfMode dtmfMode) {
		return trunk(carrier.localPort(), dtmfMode);
	}

	/** The test account's trunk that the carriers at 127.0.0.1 call in on. */
	SipTrunk inboundTrunk(DtmfMode dtmfMode) {
		return trunk(5060, dtmfMode);
	}

	SipTrunk trunk(int port, DtmfMode dtmfMode) {
		String accountId = this.project.getAccountId();
		SipTrunk trunk = new SipTrunk(accountId, "Carrier", "127.0.0.1", port, SipTransport.UDP);
		if (dtmfMode != null) {
			trunk.setDtmfMode(dtmfMode);
		}
		trunk = this.trunks.save(trunk);
		this.numbers.findByNumber(OUR_NUMBER).ifPresent(this.numbers::delete);
		PhoneNumber number = new PhoneNumber(OUR_NUMBER, accountId);
		number.setProjectId(this.project.getId());
		number.setTrunkId(trunk.getId());
		this.numbers.save(number);
		this.rates.save(new Rate(accountId, RatedCallType.EXTERNAL, "", new BigDecimal("0.60"), 1, "USD"));
		return trunk;
	}

	/** The status of the call's recording, or {@code null} when it has none. */
	String recordingStatus(String callId) {
		return this.jdbc.query("SELECT status FROM recording WHERE call_id = ?", (rs, row) -> rs.getString(1), callId)
			.stream()
			.findFirst()
			.orElse(null);
	}

	/** A GET of the REST API with the test project's token, the body as bytes (audio files). */
	HttpResponse<byte[]> download(String path) throws IOException, InterruptedException {
		return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("X-OnCaller-Auth", this.tenants.projectToken(this.project))
			.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	/** rtpengine's port for the phone, from the SDP of the 200 OK the carrier received. */
	static InetSocketAddress rtpengineFor(SippProcess carrier) {
		int port = await().atMost(Duration.ofSeconds(10))
			.until(() -> answeredMediaPort(carrier.messages()), (found) -> found > 0);
		return new InetSocketAddress("127.0.0.1", port);
	}

	/** The media port in the SDP of the 200 OK that the carrier received: rtpengine's, for the phone. */
	static int answeredMediaPort(String carrierMessages) {
		Matcher answer = ANSWER_MEDIA.matcher(carrierMessages);
		return answer.find() ? Integer.parseInt(answer.group(1)) : -1;
	}

	static boolean isState(Map<String, Object> message, String callId, int code) {
		return "signalingState".equals(message.get("type")) && callId.equals(message.get("callId"))
				&& Integer.valueOf(code).equals(message.get("code"));
	}

	@SuppressWarnings("unchecked")
	static String sdpText(Map<String, Object> sdpEvent) {
		return (String) ((Map<String, Object>) sdpEvent.get("sdp")).get("sdp");
	}

	static Map<String, Object> offer(String sdp) {
		return Map.of("type", "offer", "sdp", sdp);
	}

	private static int freePort() {
		try {
			return RtpEngineProcess.freeUdpPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
