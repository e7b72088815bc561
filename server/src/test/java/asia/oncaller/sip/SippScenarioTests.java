package asia.oncaller.sip;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Proves the carrier scenarios and {@link SippProcess} with no server: each carrier scenario
 * talks to another real SIPp on 127.0.0.1 that plays the server's part (a uac-* scenario, or a
 * peer-* one where no carrier scenario fits), over UDP and TCP.
 */
class SippScenarioTests {

	private static final Duration LIMIT = Duration.ofSeconds(15);

	private static final Duration SIPP_TIMEOUT = Duration.ofSeconds(10);

	@Test
	void carrierAnswersOverUdpAndTheCallerHangsUp(TestInfo test) {
		try (SippProcess carrier = carrier("uas-answer.xml", test).start();
				SippProcess caller = caller("uac-answered.xml", test, carrier).set("hold_ms", "0").start()) {
			assertBothSucceed(carrier, caller);
			assertThat(carrier.successfulCalls()).isEqualTo(1);
			assertThat(carrier.failedCalls()).isZero();
			assertThat(carrier.messages()).contains("UDP message received", "INVITE sip:15550100@127.0.0.1",
					"From: <sip:15550123@", "m=audio ", "BYE sip:carrier@");
			assertThat(caller.messages()).contains("a=rtpmap:101 telephone-event/8000", "a=sendrecv",
					"m=audio " + carrier.mediaPort() + " RTP/AVP 0 8 101");
		}
	}

	@Test
	void carrierAnswersOverTcp(TestInfo test) {
		try (SippProcess carrier = carrier("uas-answer.xml", test).tcp().start();
				SippProcess caller = caller("uac-answered.xml", test, carrier).tcp().set("hold_ms", "0").start()) {
			assertBothSucceed(carrier, caller);
			assertThat(carrier.messages()).contains("TCP message received").doesNotContain("UDP message");
		}
	}

	@Test
	void carrierHangsUpAfterHoldTime(TestInfo test) {
		try (SippProcess carrier = carrier("uas-answer-then-bye.xml", test).set("hold_ms", "100").start();
				SippProcess caller = caller("uac-answered-remote-bye.xml", test, carrier).start()) {
			assertBothSucceed(carrier, caller);
			assertThat(caller.messages()).contains("BYE sip:15550123@127.0.0.1:" + caller.localPort());
		}
	}

	@Test
	void busyCarrierRejectsWith486(TestInfo test) {
		try (SippProcess carrier = carrier("uas-busy.xml", test).start();
				SippProcess caller = caller("uac-rejected.xml", test, carrier).start()) {
			assertBothSucceed(carrier, caller);
			assertThat(caller.logs()).contains("rejected with 486");
		}
	}

	@Test
	void unansweredCallIsCancelled(TestInfo test) {
		try (SippProcess carrier = carrier("uas-no-answer.xml", test).start();
				SippProcess caller = caller("uac-cancel.xml", test, carrier).set("ring_ms", "100").start()) {
			assertBothSucceed(carrier, caller);
			assertThat(carrier.messages()).contains("SIP/2.0 487 Request Terminated");
		}
	}

	@Test
	void digestChallengeAcceptsTheRightPassword(TestInfo test) {
		try (SippProcess carrier = digestCarrier(test).start();
				SippProcess server = peer("peer-uac-digest.xml", test, carrier).auth("trunk1", "s3cret").start()) {
			assertBothSucceed(carrier, server);
			assertThat(carrier.messages()).contains("Authorization: Digest username=\"trunk1\"");
		}
	}

	@Test
	void digestChallengeRefusesAWrongPasswordAndFailsTheCall(TestInfo test) {
		try (SippProcess carrier = digestCarrier(test).start();
				SippProcess server = peer("peer-uac-digest.xml", test, carrier).auth("trunk1", "wrong").start()) {
			assertThat(server.exitCodeWithin(LIMIT)).as(server::report).isZero();
			assertThat(carrier.exitCodeWithin(LIMIT)).as(carrier::report).isEqualTo(1);
			assertThat(carrier.failedCalls()).isEqualTo(1);
			assertThat(server.logs()).contains("forbidden");
		}
	}

	@Test
	void dtmfInfoReachesTheCarrier(TestInfo test) {
		try (SippProcess carrier = carrier("uas-dtmf-info.xml", test).start();
				SippProcess caller = caller("uac-dtmf-info.xml", test, carrier).set("hold_ms", "0").start()) {
			assertBothSucceed(carrier, caller);
			assertThat(carrier.logs()).contains("dtmf 7");
		}
	}

	@Test
	void rtpEchoSendsPacketsBack(TestInfo test) throws Exception {
		try (SippProcess carrier = carrier("uas-rtp-echo.xml", test).rtpEcho().start();
				DatagramSocket phone = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
			byte[] rtp = "\u0080\u0000 an RTP packet".getBytes(StandardCharsets.ISO_8859_1);
			phone.setSoTimeout(5000);
			phone.send(new DatagramPacket(rtp, rtp.length, InetAddress.getLoopbackAddress(), carrier.mediaPort()));
			DatagramPacket echo = new DatagramPacket(new byte[1500], 1500);
			phone.receive(echo);
			assertThat(Arrays.copyOf(echo.getData(), echo.getLength())).isEqualTo(rtp);
			try (SippProcess caller = caller("uac-answered.xml", test, carrier).set("hold_ms", "0").start()) {
				assertBothSucceed(carrier, caller);
				// telephone-event answered with the payload type of the offer (the caller's 101)
				assertThat(caller.messages()).contains("m=audio " + carrier.mediaPort() + " RTP/AVP 0 8 101",
						"a=fmtp:101 0-15");
			}
		}
	}

	@Test
	void benchmarkScenarioKeepsItsRate(TestInfo test) {
		try (SippProcess carrier = carrier("uas-answer.xml", test).calls(50).start();
				SippProcess caller = caller("uac-bench.xml", test, carrier).calls(50)
					.rate(50, Duration.ofSeconds(1))
					.limit(20)
					.set("hold_ms", "50")
					.start()) {
			assertBothSucceed(carrier, caller);
			assertThat(caller.successfulCalls()).isEqualTo(50);
			assertThat(carrier.successfulCalls()).isEqualTo(50);
		}
	}

	@Test
	void hungSippIsKilled(TestInfo test) {
		try (SippProcess carrier = carrier("uas-answer.xml", test).start()) {
			assertThatThrownBy(() -> carrier.exitCodeWithin(Duration.ofMillis(200))).isInstanceOf(AssertionError.class)
				.hasMessageContaining("killed");
			assertThat(carrier.running()).isFalse();
		}
	}

	private static SippOptions carrier(String scenario, TestInfo test) {
		return SippProcess.scenario(scenario).in(test).timeout(SIPP_TIMEOUT);
	}

	private static SippOptions digestCarrier(TestInfo test) {
		return carrier("uas-digest-auth.xml", test).set("auth_user", "trunk1").set("auth_pass", "s3cret");
	}

	/** The carrier's inbound call: dials 15550100 from caller id 15550123. */
	private static SippOptions caller(String scenario, TestInfo test, SippProcess carrier) {
		return peer(scenario, test, carrier).set("caller", "15550123");
	}

	private static SippOptions peer(String scenario, TestInfo test, SippProcess carrier) {
		return SippProcess.scenario(scenario)
			.in(test)
			.timeout(SIPP_TIMEOUT)
			.remote(carrier.localPort())
			.service("15550100");
	}

	private static void assertBothSucceed(SippProcess carrier, SippProcess peer) {
		assertThat(peer.exitCodeWithin(LIMIT)).as(peer::report).isZero();
		assertThat(carrier.exitCodeWithin(LIMIT)).as(carrier::report).isZero();
	}

}
