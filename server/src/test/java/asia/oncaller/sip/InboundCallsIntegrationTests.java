package asia.oncaller.sip;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import asia.oncaller.WebhookReceiver;
import asia.oncaller.call.Call;
import asia.oncaller.call.CallState;
import asia.oncaller.media.MediaPackets;
import asia.oncaller.numbers.PhoneNumber;
import asia.oncaller.testsupport.AnswerUrlServer;
import asia.oncaller.testsupport.StompTestClient;
import asia.oncaller.trunks.DtmfMode;
import asia.oncaller.trunks.SipTrunk;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Phones calling the account's numbers through its SIP trunk ({@link InboundCalls}), with a real
 * SIPp process as the calling carrier and a real rtpengine bridging the media: the number's or
 * project's answer_url decides, the app user's device rings and answers, rejects or misses the
 * call, and calls the server must refuse get their SIP status.
 */
class InboundCallsIntegrationTests extends PhoneCallTestSupport {

	/** INVITEs a carrier sends while the node is past its capacity. */
	private static final int REFUSED_BURST = 20;

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
		try (SippProcess carrier = caller("uac-answered.xml").set("hold_ms", "8000").start();
				DatagramSocket phoneMedia = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
			String callId = (String) bob.awaitEvent("incomingCall", null).get("callId");
			answer(bob, callId);
			int bridgePort = await().atMost(Duration.ofSeconds(5)).until(() -> answeredMediaPort(carrier.messages()),
					(port) -> port > 0);
			// The phone's media as a carrier sends it: audio, then the digit 5 as RFC 4733 events
			// (from a port of its own: SIPp holds the one it offered, and rtpengine learns the source).
			// Media is UDP, so the phone presses again, a new event, until the app has seen one: a
			// single burst lost on a loaded machine must not fail the test, a bridge that never
			// reports one must.
			InetSocketAddress bridge = new InetSocketAddress("127.0.0.1", bridgePort);
			int sequence = 1;
			boolean heard = false;
			for (int press = 0; press < 10 && !heard; press++) {
				long timestamp = press * 1600L;
				send(phoneMedia, bridge, MediaPackets.rtp(0, true, sequence++, timestamp, 0x22, new byte[160]));
				for (int i = 1; i <= 6; i++) {
					byte[] event = MediaPackets.dtmfEvent(5, i > 3, 160 * Math.min(i, 4));
					send(phoneMedia, bridge, MediaPackets.rtp(101, i == 1, sequence++, timestamp + 160, 0x22, event));
				}
				heard = bob.receives((m) -> "dtmf".equals(m.get("type")) && callId.equals(m.get("callId"))
						&& "5".equals(m.get("digits")) && "phone".equals(m.get("deviceId")), Duration.ofMillis(600));
			}
			assertThat(heard).as("a dtmf event with digits 5 from the phone; unconsumed: %s", bob.unconsumed()).isTrue();
			assertThat(carrier.exitCodeWithin(SIPP_EXIT)).as(carrier.report()).isZero();
		}
	}

	@Test
	void theAppSideDropsAndResumesWhileTheCarrierHearsNothing() throws Exception {
		StompTestClient bob = phoneCallsGoTo("bob", 30, null);
		try (SippProcess carrier = caller("uac-answered.xml").set("hold_ms", "6000").start()) {
			String callId = (String) bob.awaitEvent("incomingCall", null).get("callId");
			answer(bob, callId);
			long lastSeq = ((Number) bob.await((m) -> isState(m, callId, 3)).get("seq")).longValue();
			String resumeToken = (String) bob.authen().get("resumeToken");

			bob.drop();
			StompTestClient back = deviceBack("bob", "bob-phone", resumeToken);
			assertThat(back.request("call.resume", body(callId, "lastSeq", lastSeq))).containsEntry("r", 0)
				.containsEntry("state", 3);

			// The carrier's BYE, after its hold, reaches the device on its new connection; had the
			// drop ended the call, the carrier would have had a BYE of ours and failed its scenario.
			assertThat(back.await((m) -> isState(m, callId, 6))).containsEntry("reason", "Ended");
			assertThat(carrier.exitCodeWithin(SIPP_EXIT)).as(carrier.report()).isZero();
			assertThat(record(callId).getEndReason()).isEqualTo("Ended");
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

	/** Phone calls to our number ring the user's device (which is returned) for {@code timeout} s. */
	private StompTestClient phoneCallsGoTo(String userId, int timeout, DtmfMode dtmfMode) throws Exception {
		inboundTrunk(dtmfMode);
		this.answerUrl.respond(AnswerUrlServer.connectPhoneToUser(PHONE, userId, timeout));
		return device(userId, userId + "-phone");
	}

	private static void send(DatagramSocket socket, InetSocketAddress to, byte[] packet) throws IOException {
		socket.send(new DatagramPacket(packet, packet.length, to));
	}

}
