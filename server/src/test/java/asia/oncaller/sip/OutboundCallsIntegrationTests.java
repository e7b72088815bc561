package asia.oncaller.sip;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

import asia.oncaller.call.Call;
import asia.oncaller.call.CallState;
import asia.oncaller.media.MediaPackets;
import asia.oncaller.testsupport.AnswerUrlServer;
import asia.oncaller.testsupport.StompTestClient;
import asia.oncaller.trunks.DtmfMode;
import asia.oncaller.trunks.SipTransport;
import asia.oncaller.trunks.SipTrunk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * App users calling phones through the account's SIP trunk ({@link OutboundCalls}), with a real
 * SIPp process as the carrier that answers, rings, is busy, challenges or hangs up, and a real
 * rtpengine bridging the media: what the app hears, what the carrier receives, and the record.
 */
class OutboundCallsIntegrationTests extends PhoneCallTestSupport {

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

	/**
	 * PROTOCOL §2.1 on a phone call: the app's connection drops, the phone leg keeps its SIP dialog
	 * and its media, and the app comes back and resumes; the carrier hears nothing of it.
	 */
	@Test
	void theAppDropsAndResumesWhileThePhoneCallGoesOn() throws Exception {
		try (SippProcess carrier = carrier("uas-answer.xml").start()) {
			trunkTo(carrier, null);
			StompTestClient alice = device("alice", "alice-phone");
			String callId = dial(alice);
			alice.await((m) -> isState(m, callId, 3));
			String resumeToken = (String) alice.authen().get("resumeToken");
			alice.drop();
			await().during(Duration.ofSeconds(2))
				.atMost(Duration.ofSeconds(3))
				.until(() -> record(callId).getStatus() == CallState.ANSWERED);

			StompTestClient back = deviceBack("alice", "alice-phone", resumeToken);
			assertThat(back.request("call.resume", body(callId, "lastSeq", 0))).containsEntry("r", 0)
				.containsEntry("state", 3);
			assertThat(carrier.messages()).as("the carrier heard nothing of the drop").doesNotContain("BYE sip:");
			hangUpAndSeeTheCarrierDone(back, callId, carrier);
			assertThat(record(callId).getEndReason()).isNotEqualTo("Connection lost");
		}
	}

	/**
	 * The call's grant ends it and the phone gets its BYE on time, also while the app's connection
	 * is away (PROTOCOL §2.1: its deadlines run on).
	 */
	@ParameterizedTest(name = "app away: {0}")
	@ValueSource(booleans = { false, true })
	void maxConnectTimeHangsUpThePhone(boolean appAway) throws Exception {
		try (SippProcess carrier = carrier("uas-answer.xml").start()) {
			trunkTo(carrier, null);
			StompTestClient alice = device("alice", "alice-phone");
			String callId = dial(alice, ",\"maxConnectTime\":1");
			alice.await((m) -> isState(m, callId, 3));
			if (appAway) {
				alice.drop();
			}
			else {
				assertThat(alice.await((m) -> isState(m, callId, 6))).containsEntry("reason", "Max connect time");
			}
			assertThat(carrier.exitCodeWithin(SIPP_EXIT)).as(carrier.report()).isZero();
			assertThat(carrier.messages()).contains("BYE sip:");
			Call record = record(callId);
			assertThat(record.getEndReason()).isEqualTo("Max connect time");
			assertThat(Duration.between(record.timing().answeredAt(), record.timing().endedAt()))
				.isLessThan(Duration.ofSeconds(4));
		}
	}

	/** The ring timeout cancels the phone on time, also while the app's connection is away. */
	@ParameterizedTest(name = "app away: {0}")
	@ValueSource(booleans = { false, true })
	void unansweredPhoneIsCancelledAtTheRingTimeout(boolean appAway) throws Exception {
		try (SippProcess carrier = carrier("uas-no-answer.xml").start()) {
			trunkTo(carrier, null);
			StompTestClient alice = device("alice", "alice-phone");
			String callId = dial(alice, 2);
			alice.await((m) -> isState(m, callId, 2));
			if (appAway) {
				alice.drop();
			}
			else {
				assertThat(alice.await((m) -> isState(m, callId, 6))).containsEntry("reason", "No answer");
			}
			assertThat(carrier.exitCodeWithin(SIPP_EXIT)).as(carrier.report()).isZero();
			assertThat(carrier.messages()).contains("CANCEL sip:" + PHONE);
			assertThat(record(callId).getEndReason()).isEqualTo("No answer");
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

}
