package asia.oncaller.signaling;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import asia.oncaller.WebhookReceiver;
import asia.oncaller.billing.Rate;
import asia.oncaller.billing.RateRepository;
import asia.oncaller.billing.RatedCallType;
import asia.oncaller.call.Call;
import asia.oncaller.call.CallState;
import asia.oncaller.media.MediaPackets;
import asia.oncaller.media.RtpEngineProcess;
import asia.oncaller.numbers.PhoneNumber;
import asia.oncaller.numbers.PhoneNumberRepository;
import asia.oncaller.sip.SippOptions;
import asia.oncaller.sip.SippProcess;
import asia.oncaller.trunks.DtmfMode;
import asia.oncaller.trunks.SipTransport;
import asia.oncaller.trunks.SipTrunk;
import asia.oncaller.trunks.SipTrunkRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Calls between app users and phones through SIP trunks, with real SIPp processes as the carrier
 * and a real rtpengine bridging the media: the app side is a real STOMP client that sends the SDP
 * a browser would.
 */
class PhoneCallIntegrationTests extends CallTestSupport {

	private static final String OUR_NUMBER = "+15550100";

	private static final String PHONE = "15550123";

	private static final Duration SIPP_EXIT = Duration.ofSeconds(15);

	/** How long the server waits for the app's SDP once the app answered a phone's call. */
	private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(2);

	/** INVITEs a carrier sends while the node is past its capacity. */
	private static final int REFUSED_BURST = 20;

	private static final Pattern ANSWER_MEDIA = Pattern.compile("SIP/2.0 200 OK.*?m=audio (\\d+)", Pattern.DOTALL);

	private static final int SIP_PORT = freePort();

	/** Where rtpengine reports the RFC 4733 digits it sees, and the server listens for them. */
	private static final int DTMF_REPORTS = freePort();

	@RegisterExtension
	static final RtpEngineProcess rtpengine = new RtpEngineProcess("--dtmf-log-dest=127.0.0.1:" + DTMF_REPORTS);

	@DynamicPropertySource
	static void sipAndMedia(DynamicPropertyRegistry registry) {
		registry.add("oncaller.sip.port", () -> SIP_PORT);
		registry.add("oncaller.media.rtpengine.dtmf-log-listen", () -> "127.0.0.1:" + DTMF_REPORTS);
		registry.add("oncaller.media.rtpengine.ng",
				() -> rtpengine.ng().getHostString() + ":" + rtpengine.ng().getPort());
		// One call set-up at a time, so a held answer_url puts the node past its capacity; every
		// other test sets up one call at a time anyway.
		registry.add("oncaller.limits.setups-at-once", () -> 1);
		registry.add("oncaller.sip.retry-after", () -> "7s");
		registry.add("oncaller.sip.answer-timeout", () -> ANSWER_TIMEOUT.toMillis() + "ms");
	}

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

	@Test
	void appCallsPhoneThatAnswersThenAppHangsUp() throws Exception {
		try (SippProcess carrier = carrier("uas-answer.xml").start()) {
			SipTrunk trunk = trunkTo(carrier, null);
			StompTestClient alice = device("alice", "alice-phone");
			String callId = dial(alice);
			Map<String, Object> trying = alice.await((m) -> isState(m, callId, 1) && m.containsKey("sipCode"));
			assertThat(trying).containsEntry("sipCode", 100).containsEntry("sipReason", "Trying");
			Map<String, Object> ringing = alice.await((m) -> isState(m, callId, 2));
			assertThat(ringing).containsEntry("sipCode", 180);
			Map<String, Object> answered = alice.await((m) -> isState(m, callId, 3));
			assertThat(answered).containsEntry("sipCode", 200);
			Map<String, Object> sdp = alice.awaitEvent("sdp", callId);
			assertThat(sdp).containsEntry("deviceId", "phone");
			assertThat(sdpText(sdp)).contains("UDP/TLS/RTP/SAVPF", "a=fingerprint:", "a=ice-ufrag:")
				.doesNotContain("opus");

			hangUpAndSeeTheCarrierDone(alice, callId, carrier);
			assertThat(carrier.messages()).contains("INVITE sip:" + PHONE + "@127.0.0.1", "From: \"Shop\" <sip:" + OUR_NUMBER,
					"RTP/AVP", "PCMU/8000").doesNotContain("a=ice-ufrag");
			Call record = record(callId);
			assertThat(record.getStatus()).isEqualTo(CallState.ENDED);
			assertThat(record.phoneLine().trunkId()).isEqualTo(trunk.getId());
			assertThat(record.phoneLine().sipCallId()).isNotBlank();
			assertThat(record.timing().answeredAt()).isNotNull();
			assertThat(record.money().cost()).isPositive();
		}
	}

	@Test
	void trunkOverTcpCarriesTheCall() throws Exception {
		try (SippProcess carrier = carrier("uas-answer.xml").tcp().start()) {
			SipTrunk trunk = trunkTo(carrier, null);
			trunk.update(trunk.getName(), trunk.getHost(), trunk.getPort(), SipTransport.TCP);
			this.trunks.save(trunk);
			StompTestClient alice = device("alice", "alice-phone");
			String callId = dial(alice);
			alice.await((m) -> isState(m, callId, 3));
			hangUpAndSeeTheCarrierDone(alice, callId, carrier);
			assertThat(carrier.messages()).contains("TCP message received").doesNotContain("UDP message");
		}
	}

	@Test
	void maxConnectTimeHangsUpThePhone() throws Exception {
		try (SippProcess carrier = carrier("uas-answer.xml").start()) {
			trunkTo(carrier, null);
			StompTestClient alice = device("alice", "alice-phone");
			String callId = dial(alice, ",\"maxConnectTime\":1");
			alice.await((m) -> isState(m, callId, 3));
			assertThat(alice.await((m) -> isState(m, callId, 6))).containsEntry("reason", "Max connect time");
			assertThat(carrier.exitCodeWithin(SIPP_EXIT)).as(carrier.report()).isZero();
			assertThat(carrier.messages()).contains("BYE sip:");
		}
	}

	@Test
	void busyPhoneEndsTheCallAsBusy() throws Exception {
		try (SippProcess carrier = carrier("uas-busy.xml").start()) {
			trunkTo(carrier, null);
			StompTestClient alice = device("alice", "alice-phone");
			String callId = dial(alice);
			Map<String, Object> busy = alice.await((m) -> isState(m, callId, 5));
			assertThat(busy).containsEntry("sipCode", 486).containsEntry("sipReason", "Busy Here");
			assertThat(carrier.exitCodeWithin(SIPP_EXIT)).as(carrier.report()).isZero();
			assertThat(record(callId).getSipCode()).isEqualTo(486);
			assertThat(record(callId).money().cost()).isEqualByComparingTo(BigDecimal.ZERO);
		}
	}

	@Test
	void unavailableCarrierEndsTheCall() throws Exception {
		try (SippProcess carrier = carrier("uas-unavailable.xml").start()) {
			trunkTo(carrier, null);
			StompTestClient alice = device("alice", "alice-phone");
			String callId = dial(alice);
			Map<String, Object> ended = alice.await((m) -> isState(m, callId, 6));
			assertThat(ended).containsEntry("sipCode", 503);
			assertThat(carrier.exitCodeWithin(SIPP_EXIT)).as(carrier.report()).isZero();
		}
	}

	@Test
	void unansweredPhoneIsCancelledAtTheRingTimeout() throws Exception {
		try (SippProcess carrier = carrier("uas-no-answer.xml").start()) {
			trunkTo(carrier, null);
			StompTestClient alice = device("alice", "alice-phone");
			String callId = dial(alice, 2);
			alice.await((m) -> isState(m, callId, 2));
			Map<String, Object> ended = alice.await((m) -> isState(m, callId, 6));
			assertThat(ended).containsEntry("reason", "No answer");
			assertThat(carrier.exitCodeWithin(SIPP_EXIT)).as(carrier.report()).isZero();
			assertThat(carrier.messages()).contains("CANCEL sip:" + PHONE);
		}
	}

	@Test
	void trunkWithCredentialsAnswersTheDigestChallenge() throws Exception {
		try (SippProcess carrier = carrier("uas-digest-auth.xml").set("auth_user", "trunk1")
			.set("auth_pass", "s3cret")
			.start()) {
			SipTrunk trunk = trunkTo(carrier, null);
			trunk.setCredentials("trunk1", "s3cret");
			this.trunks.save(trunk);
			StompTestClient alice = device("alice", "alice-phone");
			String callId = dial(alice);
			alice.await((m) -> isState(m, callId, 3));
			hangUpAndSeeTheCarrierDone(alice, callId, carrier);
			assertThat(carrier.messages()).contains("Authorization: Digest");
		}
	}

	@Test
	void phoneHangsUpAndTheAppHearsIt() throws Exception {
		try (SippProcess carrier = carrier("uas-answer-then-bye.xml").set("hold_ms", "300").start()) {
			StompTestClient alice = device("alice", "alice-phone");
			String callId = answeredCall(alice, carrier, null);
			Map<String, Object> ended = alice.await((m) -> isState(m, callId, 6));
			assertThat(ended).containsEntry("reason", "Ended");
			assertThat(carrier.exitCodeWithin(SIPP_EXIT)).as(carrier.report()).isZero();
		}
	}

	@Test
	void dtmfReachesThePhoneAsSipInfo() throws Exception {
		try (SippProcess carrier = carrier("uas-dtmf-info.xml").start()) {
			StompTestClient alice = device("alice", "alice-phone");
			String callId = answeredCall(alice, carrier, DtmfMode.INFO);
			assertThat(alice.request("call.dtmf", body(callId, "digits", "5"))).containsEntry("r", 0);
			await().atMost(Duration.ofSeconds(5)).until(() -> carrier.messages().contains("Signal=5"));
			hangUpAndSeeTheCarrierDone(alice, callId, carrier);
		}
	}

	@Test
	void holdAndUnholdAreReInvitesToThePhone() throws Exception {
		try (SippProcess carrier = carrier("uas-reinvite-hold.xml").start()) {
			StompTestClient alice = device("alice", "alice-phone");
			String callId = answeredCall(alice, carrier, null);
			alice.awaitEvent("sdp", callId);
			alice.send("call.sdp", body(callId, "sdp", offer(MediaPackets.sdp("chromium-offer.sdp").replace("a=sendrecv", "a=sendonly"))));
			assertThat(sdpText(alice.awaitEvent("sdp", callId))).contains("a=recvonly");
			alice.send("call.sdp", body(callId, "sdp", offer(MediaPackets.sdp("chromium-offer.sdp"))));
			assertThat(sdpText(alice.awaitEvent("sdp", callId))).contains("a=sendrecv");
			hangUpAndSeeTheCarrierDone(alice, callId, carrier);
		}
	}

	@Test
	void appCallerTransfersThePhoneToAnotherUser() throws Exception {
		try (SippProcess carrier = carrier("uas-answer.xml").start()) {
			StompTestClient alice = device("alice", "alice-phone");
			StompTestClient carol = device("carol", "carol-phone");
			String callId = answeredCall(alice, carrier, null);

			assertThat(alice.request("call.transfer", body(callId, "userId", "carol"))).containsEntry("r", 0);
			assertThat(alice.await((m) -> isState(m, callId, 6))).containsEntry("reason", "Transferred");
			assertThat(carol.awaitEvent("incomingCall", callId)).containsEntry("fromNumber", PHONE)
				.containsEntry("fromInternal", false);
			answer(carol, callId);
			assertThat(alice.request("call.hangup", body(callId))).containsEntry("r", 11);

			assertThat(carol.request("call.hangup", body(callId))).containsEntry("r", 0);
			assertThat(carrier.exitCodeWithin(SIPP_EXIT)).as(carrier.report()).isZero();
			Call record = record(callId);
			assertThat(record.parties().fromUserId()).isEqualTo("carol");
			assertThat(record.parties().transferredFromUserId()).isEqualTo("alice");
		}
	}

	@Test
	void phoneCallsAppUserWhoAnswers() throws Exception {
		StompTestClient bob = phoneCallsGoTo("bob", 30, null);
		try (SippProcess carrier = caller("uac-answered.xml").set("hold_ms", "500").start()) {
			Map<String, Object> incoming = bob.awaitEvent("incomingCall", null);
			String callId = (String) incoming.get("callId");
			assertThat(incoming).containsEntry("fromInternal", false).containsEntry("fromNumber", PHONE);
			assertThat(this.answerUrl.lastQuery()).containsEntry("fromInternal", "false")
				.containsEntry("to", OUR_NUMBER);
			answer(bob, callId);
			Map<String, Object> ended = bob.await((m) -> isState(m, callId, 6));
			assertThat(ended).containsEntry("reason", "Ended");
			assertThat(carrier.exitCodeWithin(SIPP_EXIT)).as(carrier.report()).isZero();
			assertThat(carrier.messages()).contains("SIP/2.0 180 Ringing", "SIP/2.0 200 OK", "RTP/AVP");
			Call record = record(callId);
			assertThat(record.getStatus()).isEqualTo(CallState.ENDED);
			assertThat(record.parties().fromNumber()).isEqualTo(PHONE);
			assertThat(record.parties().toUserId()).isEqualTo("bob");
		}
	}

	@Test
	void theDialledNumbersOwnAnswerUrlDecidesOverTheProjects() throws Exception {
		StompTestClient bob = phoneCallsGoTo("bob", 30, null);
		StompTestClient carol = device("carol", "carol-phone");
		try (AnswerUrlServer numberAnswerUrl = new AnswerUrlServer()) {
			numberAnswerUrl.respond(AnswerUrlServer.connectPhoneToUser(PHONE, "carol", 30));
			PhoneNumber number = this.numbers.findByNumber(OUR_NUMBER).orElseThrow();
			number.setAnswerUrl(numberAnswerUrl.url());
			this.numbers.save(number);
			try (SippProcess carrier = caller("uac-answered.xml").set("hold_ms", "200").start()) {
				String callId = (String) carol.awaitEvent("incomingCall", null).get("callId");
				assertThat(numberAnswerUrl.lastQuery()).containsEntry("fromInternal", "false")
					.containsEntry("from", PHONE)
					.containsEntry("to", OUR_NUMBER)
					.containsEntry("callId", callId);
				answer(carol, callId);
				assertThat(carrier.exitCodeWithin(SIPP_EXIT)).as(carrier.report()).isZero();
			}
			assertThat(bob.receives((m) -> "incomingCall".equals(m.get("type")), Duration.ofMillis(300))).isFalse();
		}
	}

	@Test
	void theDialledNumbersEventUrlHearsThePhoneCall() throws Exception {
		StompTestClient bob = phoneCallsGoTo("bob", 30, null);
		try (WebhookReceiver numberEvents = new WebhookReceiver()) {
			PhoneNumber number = this.numbers.findByNumber(OUR_NUMBER).orElseThrow();
			number.setEventUrl(numberEvents.url());
			this.numbers.save(number);
			try (SippProcess carrier = caller("uac-answered.xml").set("hold_ms", "200").start()) {
				String callId = (String) bob.awaitEvent("incomingCall", null).get("callId");
				answer(bob, callId);
				assertThat(carrier.exitCodeWithin(SIPP_EXIT)).as(carrier.report()).isZero();
			}
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(numberEvents.delivered())
					.extracting((request) -> request.json().get("type"))
					.containsExactly("created", "ringing", "answered", "ended"));
		}
	}

	@Test
	void appUserRejectsThePhoneCall() throws Exception {
		StompTestClient bob = phoneCallsGoTo("bob", 30, null);
		try (SippProcess carrier = caller("uac-rejected.xml").start()) {
			String callId = (String) bob.awaitEvent("incomingCall", null).get("callId");
			assertThat(bob.request("call.reject", body(callId))).containsEntry("r", 0);
			assertThat(carrier.exitCodeWithin(SIPP_EXIT)).as(carrier.report()).isZero();
			assertThat(carrier.logs()).contains("rejected with 486");
		}
	}

	@Test
	void unansweredPhoneCallGets480() throws Exception {
		StompTestClient bob = phoneCallsGoTo("bob", 1, null);
		try (SippProcess carrier = caller("uac-no-answer.xml").start()) {
			String callId = (String) bob.awaitEvent("incomingCall", null).get("callId");
			assertThat(carrier.exitCodeWithin(SIPP_EXIT)).as(carrier.report()).isZero();
			assertThat(record(callId).getEndReason()).isEqualTo("No answer");
		}
	}

	@Test
	void phoneHangsUpWhileTheAppRings() throws Exception {
		StompTestClient bob = phoneCallsGoTo("bob", 30, null);
		try (SippProcess carrier = caller("uac-cancel.xml").set("ring_ms", "300").start()) {
			String callId = (String) bob.awaitEvent("incomingCall", null).get("callId");
			bob.request("call.ringing", body(callId));
			Map<String, Object> ended = bob.await((m) -> isState(m, callId, 6));
			assertThat(ended).containsEntry("reason", "Canceled");
			assertThat(carrier.exitCodeWithin(SIPP_EXIT)).as(carrier.report()).isZero();
		}
	}

	@Test
	void carrierCallsInOverTcp() throws Exception {
		StompTestClient bob = phoneCallsGoTo("bob", 30, null);
		try (SippProcess carrier = caller("uac-answered.xml").tcp().set("hold_ms", "200").start()) {
			String callId = (String) bob.awaitEvent("incomingCall", null).get("callId");
			answer(bob, callId);
			assertThat(bob.await((m) -> isState(m, callId, 6))).containsEntry("reason", "Ended");
			assertThat(carrier.exitCodeWithin(SIPP_EXIT)).as(carrier.report()).isZero();
			assertThat(carrier.messages()).contains("TCP message received");
		}
	}

	@Test
	void phoneCallPastTheAccountsCallsAtOnceGets503AndAsksNoAnswerUrl() throws Exception {
		phoneCallsGoTo("bob", 30, null);
		call(device("alice", "a1"), "bob", 30);
		this.tenants.limitCalls(this.project, null, 1);
		int answerUrlRequests = this.answerUrl.requests();
		long calls = this.calls.count();
		try (SippProcess carrier = caller("uac-unavailable.xml").start()) {
			assertThat(carrier.exitCodeWithin(SIPP_EXIT)).as(carrier.report()).isZero();
		}
		assertThat(this.answerUrl.requests()).isEqualTo(answerUrlRequests);
		assertThat(this.calls.count()).isEqualTo(calls);
	}

	/**
	 * The benchmark's lost call (issue 15): the app answered, but its device's SDP answer never
	 * reached the phone leg (there it was refused by the connection's request rate, r=12; a
	 * device that crashes or loses its connection between the two does the same). The INVITE
	 * waited at 100 Trying for good; now the carrier hears 500 once the answer timeout passes,
	 * and the app hears the call end.
	 */
	@Test
	void appAnswerWithoutItsSdpGivesTheCarrier500InsteadOfSilence() throws Exception {
		StompTestClient bob = phoneCallsGoTo("bob", 30, null);
		try (SippProcess carrier = caller("uac-server-error.xml").timeout(SIPP_EXIT).start()) {
			String callId = (String) bob.awaitEvent("incomingCall", null).get("callId");
			bob.awaitEvent("sdp", callId);
			assertThat(bob.request("call.answer", body(callId))).containsEntry("r", 0);
			long answered = System.nanoTime();
			assertThat(carrier.exitCodeWithin(SIPP_EXIT)).as(carrier.report()).isZero();
			assertThat(Duration.ofNanos(System.nanoTime() - answered)).isLessThan(ANSWER_TIMEOUT.plusSeconds(3));
			assertThat(bob.await((m) -> isState(m, callId, 6))).containsEntry("reason", "App answer carried no media");
			assertThat(record(callId).getSipCode()).isEqualTo(500);
		}
	}

	/**
	 * Past the node's capacity for call set-ups (one here, held by a slow answer_url) a burst of
	 * carrier INVITEs gets 503 with Retry-After at once, and nothing is retransmitted; an app's call.make
	 * gets r=12; the call that was under way still completes, and so do calls after it.
	 */
	@Test
	void pastCapacityTheCarrierGets503WithRetryAfterAtOnceAndTheAppR12() throws Exception {
		StompTestClient bob = phoneCallsGoTo("bob", 30, null);
		StompTestClient alice = device("alice", "a1");
		CountDownLatch slowAnswerUrl = new CountDownLatch(1);
		this.answerUrl.holdUntil(slowAnswerUrl);
		try (SippProcess admitted = caller("uac-answered.xml").set("hold_ms", "200").start()) {
			await().atMost(Duration.ofSeconds(5)).until(() -> this.answerUrl.requests() == 1);
			long sent = System.nanoTime();
			try (SippProcess refused = caller("uac-unavailable.xml").label("refused")
				.calls(REFUSED_BURST)
				.rate(50, Duration.ofSeconds(1))
				.limit(REFUSED_BURST)
				.timeout(SIPP_EXIT)
				.start()) {
				assertThat(refused.exitCodeWithin(SIPP_EXIT)).as(refused.report()).isZero();
				// 20 INVITEs at 50/s take 0.4 s to send; each is answered at once.
				assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(Duration.ofSeconds(3));
				assertThat(refused.successfulCalls()).isEqualTo(REFUSED_BURST);
				assertThat(refused.messages()).contains("SIP/2.0 503 ", "Retry-After: 7");
				assertThat(refused.retransmissions()).isZero();
			}
			Map<String, Object> make = alice.request("call.make",
					Map.of("fromNumber", "alice", "toNumber", "bob", "isVideoCall", false));
			assertThat(make).containsEntry("r", 12)
				.containsEntry("message", "Rate limited: the server is setting up too many calls, try again shortly");
			assertThat(this.answerUrl.requests()).isEqualTo(1);
			slowAnswerUrl.countDown();
			String callId = (String) bob.awaitEvent("incomingCall", null).get("callId");
			answer(bob, callId);
			assertThat(admitted.exitCodeWithin(SIPP_EXIT)).as(admitted.report()).isZero();
			assertThat(admitted.messages()).contains("SIP/2.0 200 OK");
		}
		this.answerUrl.respond(AnswerUrlServer.connectPhoneToUser(PHONE, "bob", 30));
		try (SippProcess after = caller("uac-answered.xml").label("after").set("hold_ms", "200").start()) {
			answer(bob, (String) bob.awaitEvent("incomingCall", null).get("callId"));
			assertThat(after.exitCodeWithin(SIPP_EXIT)).as(after.report()).isZero();
		}
		assertThat(call(alice, "bob", 30)).isNotNull();
	}

	@Test
	void unknownNumberGets404() throws Exception {
		inboundTrunk(null);
		try (SippProcess carrier = caller("uac-not-found.xml").service("+15559999").start()) {
			assertThat(carrier.exitCodeWithin(SIPP_EXIT)).as(carrier.report()).isZero();
		}
	}

	@Test
	void disabledTrunkGets403() throws Exception {
		SipTrunk trunk = inboundTrunk(null);
		trunk.setEnabled(false);
		this.trunks.save(trunk);
		try (SippProcess carrier = caller("uac-forbidden.xml").start()) {
			assertThat(carrier.exitCodeWithin(SIPP_EXIT)).as(carrier.report()).isZero();
		}
	}

	@Test
	void callFromAnAddressThatIsNotTheAccountsTrunkGets403() throws Exception {
		SipTrunk trunk = inboundTrunk(null);
		trunk.update(trunk.getName(), "127.0.0.9", trunk.getPort(), trunk.getTransport());
		this.trunks.save(trunk);
		try (SippProcess carrier = caller("uac-forbidden.xml").start()) {
			assertThat(carrier.exitCodeWithin(SIPP_EXIT)).as(carrier.report()).isZero();
		}
	}

	@Test
	void dtmfFromThePhoneArrivesAsAnEvent() throws Exception {
		StompTestClient bob = phoneCallsGoTo("bob", 30, DtmfMode.INFO);
		try (SippProcess carrier = caller("uac-dtmf-info.xml").set("hold_ms", "300").start()) {
			String callId = (String) bob.awaitEvent("incomingCall", null).get("callId");
			answer(bob, callId);
			assertThat(bob.awaitEvent("dtmf", callId)).containsEntry("digits", "7");
			assertThat(carrier.exitCodeWithin(SIPP_EXIT)).as(carrier.report()).isZero();
		}
	}

	@Test
	void rfc4733DigitsFromThePhoneArriveAsAnEvent() throws Exception {
		StompTestClient bob = phoneCallsGoTo("bob", 30, null);
		try (SippProcess carrier = caller("uac-answered.xml").set("hold_ms", "3000").start();
				DatagramSocket phoneMedia = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
			String callId = (String) bob.awaitEvent("incomingCall", null).get("callId");
			answer(bob, callId);
			int bridgePort = await().atMost(Duration.ofSeconds(5)).until(() -> answeredMediaPort(carrier.messages()),
					(port) -> port > 0);
			// The phone's media as a carrier sends it: audio, then the digit 5 as RFC 4733 events
			// (from a port of its own: SIPp holds the one it offered, and rtpengine learns the source).
			InetSocketAddress bridge = new InetSocketAddress("127.0.0.1", bridgePort);
			int sequence = 1;
			send(phoneMedia, bridge, MediaPackets.rtp(0, true, sequence++, 0, 0x22, new byte[160]));
			for (int i = 1; i <= 6; i++) {
				byte[] event = MediaPackets.dtmfEvent(5, i > 3, 160 * Math.min(i, 4));
				send(phoneMedia, bridge, MediaPackets.rtp(101, i == 1, sequence++, 160, 0x22, event));
			}
			assertThat(bob.awaitEvent("dtmf", callId)).containsEntry("digits", "5").containsEntry("deviceId", "phone");
			assertThat(carrier.exitCodeWithin(SIPP_EXIT)).as(carrier.report()).isZero();
		}
	}

	@Test
	void appUserTransfersThePhoneCallToAnother() throws Exception {
		StompTestClient bob = phoneCallsGoTo("bob", 30, null);
		StompTestClient carol = device("carol", "carol-phone");
		try (SippProcess carrier = caller("uac-answered.xml").set("hold_ms", "3000").start()) {
			String callId = (String) bob.awaitEvent("incomingCall", null).get("callId");
			answer(bob, callId);

			assertThat(bob.request("call.transfer", body(callId, "userId", "carol"))).containsEntry("r", 0);
			assertThat(bob.awaitEvent("transferred", callId)).containsEntry("toUserId", "carol");
			assertThat(bob.await((m) -> isState(m, callId, 6))).containsEntry("reason", "Transferred");
			Map<String, Object> incoming = carol.awaitEvent("incomingCall", callId);
			assertThat(incoming).containsEntry("fromNumber", PHONE).containsEntry("transferredFrom", "bob");
			answer(carol, callId);

			Map<String, Object> ended = carol.await((m) -> isState(m, callId, 6));
			assertThat(ended).containsEntry("reason", "Ended");
			assertThat(carrier.exitCodeWithin(SIPP_EXIT)).as(carrier.report()).isZero();
			Call record = record(callId);
			assertThat(record.parties().toUserId()).isEqualTo("carol");
			assertThat(record.parties().transferredFromUserId()).isEqualTo("bob");
			assertThat(record.timing().transferredAt()).isNotNull();
		}
	}

	/** The carrier's trunk and number, and Alice's call to the phone, answered by it. */
	private String answeredCall(StompTestClient alice, SippProcess carrier, DtmfMode dtmfMode)
			throws InterruptedException {
		trunkTo(carrier, dtmfMode);
		String callId = dial(alice);
		alice.await((m) -> isState(m, callId, 3));
		return callId;
	}

	/** Alice hangs up, and the carrier's scenario ends as it expects: with the BYE. */
	private static void hangUpAndSeeTheCarrierDone(StompTestClient alice, String callId, SippProcess carrier)
			throws InterruptedException {
		assertThat(alice.request("call.hangup", body(callId))).containsEntry("r", 0);
		assertThat(carrier.exitCodeWithin(SIPP_EXIT)).as(carrier.report()).isZero();
	}

	/** Phone calls to our number ring the user's device (which is returned) for {@code timeout} s. */
	private StompTestClient phoneCallsGoTo(String userId, int timeout, DtmfMode dtmfMode) throws Exception {
		inboundTrunk(dtmfMode);
		this.answerUrl.respond(AnswerUrlServer.connectPhoneToUser(PHONE, userId, timeout));
		return device(userId, userId + "-phone");
	}

	/** Alice places a call to the phone, and her device offers media as a browser would. */
	private String dial(StompTestClient alice) throws InterruptedException {
		return dial(alice, 30);
	}

	private String dial(StompTestClient alice, int timeout) throws InterruptedException {
		return dial(alice, ",\"timeout\":" + timeout);
	}

	/** As {@link #dial(StompTestClient)}, with more fields for the SCCO's connect. */
	private String dial(StompTestClient alice, String moreConnectFields) throws InterruptedException {
		this.answerUrl.respond(AnswerUrlServer.connectToPhone(OUR_NUMBER, PHONE)
			.replace("\"to\":{\"type\":\"external\",\"number\":\"" + PHONE + "\"}",
					"\"to\":{\"type\":\"external\",\"number\":\"" + PHONE + "\"}" + moreConnectFields));
		Map<String, Object> reply = alice.request("call.make",
				Map.of("fromNumber", OUR_NUMBER, "toNumber", PHONE, "isVideoCall", false));
		assertThat(reply).containsEntry("r", 0).containsEntry("toType", "external");
		String callId = (String) reply.get("callId");
		alice.send("call.sdp", body(callId, "sdp", offer(MediaPackets.sdp("chromium-offer.sdp"))));
		return callId;
	}

	/**
	 * The callee's device rings, as SDKs do on {@code incomingCall}, answers, then sends the
	 * answer to the phone's offer it was given.
	 */
	private void answer(StompTestClient device, String callId) throws InterruptedException {
		Map<String, Object> offer = device.awaitEvent("sdp", callId);
		assertThat(sdpText(offer)).contains("UDP/TLS/RTP/SAVPF", "a=ice-ufrag:");
		assertThat(device.request("call.ringing", body(callId))).containsEntry("r", 0);
		assertThat(device.request("call.answer", body(callId))).containsEntry("r", 0);
		device.send("call.sdp", body(callId, "sdp", Map.of("type", "answer", "sdp", MediaPackets.sdp("chromium-answer.sdp"))));
	}

	/** A carrier playing the scenario, with its logs under this test's name. */
	private SippOptions carrier(String scenario) {
		return SippProcess.scenario(scenario).in(this.test);
	}

	/** The carrier calling our number at the server's SIP port. */
	private SippOptions caller(String scenario) {
		return SippProcess.scenario(scenario).in(this.test).remote(SIP_PORT).service(OUR_NUMBER).set("caller", PHONE);
	}

	/** The test account's trunk to the carrier, our number on it, and a rate for phone calls. */
	private SipTrunk trunkTo(SippProcess carrier, DtmfMode dtmfMode) {
		return trunk(carrier.localPort(), dtmfMode);
	}

	/** The test account's trunk that the carriers at 127.0.0.1 call in on. */
	private SipTrunk inboundTrunk(DtmfMode dtmfMode) {
		return trunk(5060, dtmfMode);
	}

	private SipTrunk trunk(int port, DtmfMode dtmfMode) {
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

	private static boolean isState(Map<String, Object> message, String callId, int code) {
		return "signalingState".equals(message.get("type")) && callId.equals(message.get("callId"))
				&& Integer.valueOf(code).equals(message.get("code"));
	}

	@SuppressWarnings("unchecked")
	private static String sdpText(Map<String, Object> sdpEvent) {
		return (String) ((Map<String, Object>) sdpEvent.get("sdp")).get("sdp");
	}

	private static Map<String, Object> offer(String sdp) {
		return Map.of("type", "offer", "sdp", sdp);
	}

	/** The media port in the SDP of the 200 OK that the carrier received: rtpengine's, for the phone. */
	private static int answeredMediaPort(String carrierMessages) {
		Matcher answer = ANSWER_MEDIA.matcher(carrierMessages);
		return answer.find() ? Integer.parseInt(answer.group(1)) : -1;
	}

	private static void send(DatagramSocket socket, InetSocketAddress to, byte[] packet) throws IOException {
		socket.send(new DatagramPacket(packet, packet.length, to));
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
