package asia.oncaller.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import asia.oncaller.auth.TokenIssuer;
import asia.oncaller.billing.BalanceLedger;
import asia.oncaller.billing.Rate;
import asia.oncaller.billing.RateRepository;
import asia.oncaller.billing.RatedCallType;
import asia.oncaller.client.CallResult;
import asia.oncaller.client.MediaOptions;
import asia.oncaller.client.OnCallerCall;
import asia.oncaller.client.internal.media.MediaSession;
import asia.oncaller.numbers.PhoneNumber;
import asia.oncaller.numbers.PhoneNumberRepository;
import asia.oncaller.sip.SippProcess;
import asia.oncaller.tenant.Account;
import asia.oncaller.tenant.AccountRepository;
import asia.oncaller.tenant.Project;
import asia.oncaller.tenant.ProjectRepository;
import asia.oncaller.trunks.SipTransport;
import asia.oncaller.trunks.SipTrunk;
import asia.oncaller.trunks.SipTrunkRepository;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestInfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * A Java SDK client calls a phone through the server's SIP trunk: the carrier is SIPp
 * ({@code uas-rtp-echo.xml}, {@code -rtp_echo}) and the media bridge a real rtpengine, so the
 * client's tone goes app → rtpengine (ICE, DTLS-SRTP, G.711) → SIPp (plain RTP), which sends it
 * back the same way, and the client hears its own tone. rtpengine's media address is the
 * namespace's veth address: libwebrtc gathers no loopback candidates, so an rtpengine on
 * 127.0.0.1 would be unreachable for the client's ICE (docs/sip.md, "Media bridge").
 */
class SipEchoE2ETests {

	private static final String OUR_NUMBER = "+15550177001";

	private static final String PHONE = "15550123";

	private static final double TONE_HZ = 1000;

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	@RegisterExtension
	static final PhoneLegRtpEngine RTPENGINE = new PhoneLegRtpEngine();

	@Test
	void appHearsItsOwnToneEchoedByThePhone(TestInfo test) throws IOException {
		try (EchoCall echo = new EchoCall(test, "alice-echo")) {
			CallProbe probe = echo.probe;
			await("a window of the echoed tone").atMost(TIMEOUT).until(probe.tone::done);
			System.out.printf("SIP echo: makeCall to mediastate 1 in %d ms, heard %.1f Hz, peak %d%n", probe.setupMillis(),
					probe.tone.frequency(), probe.tone.peak());
			assertThat(probe.tone.frequency()).as("the tone echoed by the phone").isCloseTo(TONE_HZ, within(5.0));
			assertThat(probe.tone.peak()).isGreaterThan(3000);
			assertThat(probe.stats().inboundAudio().orElseThrow().codec()).isEqualTo("audio/PCMU");
			assertThat(probe.errors).isEmpty();
			echo.hangUp();
		}
	}

	/**
	 * The app's {@code sendDtmf} on a phone call whose trunk is RFC 4733 (the default): the server
	 * has rtpengine play the digit toward the phone as telephone-events, SIPp sends the packets
	 * back as they came, rtpengine relays them to the app and reports them to the server as DTMF
	 * from the phone's tag, and the server delivers them as the app's {@code dtmf} event. So the
	 * client hears its own digits back, which only the media path can do: the server sends an
	 * app's digits on a phone call to the phone alone.
	 */
	@Test
	void appHearsItsOwnRfc4733DigitsEchoedByThePhone(TestInfo test) throws IOException {
		try (EchoCall echo = new EchoCall(test, "alice-dtmf")) {
			CallProbe probe = echo.probe;
			// rtpengine times injected events by the app's own audio; media is connected, and
			// audio has come back, so it has flowed both ways.
			await("the echoed audio").atMost(TIMEOUT).until(() -> probe.inboundAudioBytes() > 0);
			for (String digit : new String[] { "5", "#" }) {
				long sentNanos = System.nanoTime();
				CompletableFuture<CallResult> sent = new CompletableFuture<>();
				echo.call.sendDtmf(digit, sent::complete);
				assertThat(CallProbe.result(sent).r()).as("sendDtmf " + digit).isZero();
				await("the phone's echo of " + digit + " as a dtmf event").atMost(TIMEOUT)
					.pollInterval(Duration.ofMillis(10))
					.until(() -> probe.dtmf.contains(digit));
				System.out.printf("SIP DTMF: sendDtmf(\"%s\") to its dtmf event in %d ms%n", digit,
						Duration.ofNanos(System.nanoTime() - sentNanos).toMillis());
			}
			// rtpengine reports each digit twice: injected, under the server's own tag, and echoed,
			// under the phone's; only the phone's is the app's dtmf event.
			assertThat(probe.dtmf).as("every digit once, in order").containsExactly("5", "#");
			assertThat(probe.errors).isEmpty();
			// The carrier was offered telephone-event and answered with the same payload type.
			String offered = telephoneEventType(echo.carrier.messages());
			assertThat(echo.carrier.messages()).contains("m=audio " + echo.carrier.mediaPort() + " RTP/AVP 0 8 " + offered,
					"a=fmtp:" + offered + " 0-15");
			echo.hangUp();
		}
	}

	/**
	 * A call from a fresh tenant's client to {@link #PHONE} over a trunk to a SIPp echo carrier,
	 * made and with its media connected to rtpengine.
	 */
	private static final class EchoCall implements AutoCloseable {

		private final AnswerUrl answerUrl;

		private SippProcess carrier;

		private TestUser user;

		OnCallerCall call;

		CallProbe probe;

		EchoCall(TestInfo test, String userId) throws IOException {
			this.answerUrl = new AnswerUrl(connectToPhone(OUR_NUMBER, PHONE));
			try {
				this.carrier = SippProcess.scenario("uas-rtp-echo.xml").in(test).rtpEcho().start();
				this.user = TestUser.connectWithToken(userId, userId + "-device", MediaOptions.synthetic(TONE_HZ),
						PhoneTenant.create(OUR_NUMBER, this.carrier.localPort(), this.answerUrl.url()).clientToken(userId));
				this.call = new OnCallerCall(this.user.client, OUR_NUMBER, PHONE, false);
				this.probe = new CallProbe(this.call);
				this.call.makeCall(this.probe.makeResult::complete);
				assertThat(CallProbe.result(this.probe.makeResult).r()).as("makeCall").isZero();
				await("media connected to rtpengine").atMost(TIMEOUT).until(this.probe::mediaConnected);
			}
			catch (RuntimeException | Error ex) {
				close();
				throw ex;
			}
		}

		/** Hangs up and checks that the carrier saw a plain call that ended well, and media is released. */
		void hangUp() {
			CompletableFuture<CallResult> hangup = new CompletableFuture<>();
			this.call.hangup(hangup::complete);
			assertThat(CallProbe.result(hangup).r()).as("hangup").isZero();
			assertThat(this.carrier.exitCodeWithin(TIMEOUT)).as(this.carrier::report).isZero();
			assertThat(this.carrier.messages()).contains("INVITE sip:" + PHONE + "@127.0.0.1", "RTP/AVP", "PCMU/8000")
				.doesNotContain("a=ice-ufrag");
			await("media released").atMost(TIMEOUT).until(() -> MediaSession.openSessions() == 0);
		}

		@Override
		public void close() {
			if (this.user != null) {
				this.user.close();
			}
			if (this.carrier != null) {
				this.carrier.close();
			}
			this.answerUrl.close();
		}

	}

	/** The telephone-event payload type of the first SDP in a SIPp message log (the offer). */
	private static String telephoneEventType(String messages) {
		Matcher matcher = Pattern.compile("a=rtpmap:(\\d+) telephone-event/8000").matcher(messages);
		assertThat(matcher.find()).as("telephone-event offered to the carrier").isTrue();
		return matcher.group(1);
	}

	/** The SCCO that connects the app's call to a phone number, showing one of our numbers. */
	private static String connectToPhone(String fromNumber, String toNumber) {
		return """
				[{"action":"connect","from":{"type":"external","number":"%s"},
				  "to":{"type":"external","number":"%s"}}]""".formatted(fromNumber, toNumber);
	}

}
