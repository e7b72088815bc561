package asia.oncaller.sip;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import asia.oncaller.WebhookReceiver;
import asia.oncaller.billing.Rate;
import asia.oncaller.billing.RatedCallType;
import asia.oncaller.call.Call;
import asia.oncaller.call.CallDirection;
import asia.oncaller.call.CallState;
import asia.oncaller.media.MediaPackets;
import asia.oncaller.media.RtpEngineException;
import asia.oncaller.tenant.Project;
import asia.oncaller.testsupport.GreetingUploads;
import asia.oncaller.testsupport.StompTestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An app caller whose SCCO runs actions before any connect, answered by the server (docs/ivr.md,
 * "App callers"): real rtpengine, PostgreSQL, answer_url and eventUrl as HTTP servers, the apps
 * real STOMP clients sending a browser's SDP. The call exists from {@code call.make}; the
 * caller's offer is answered at rtpengine (from device {@code server}, after
 * {@code signalingState} 3); its digits reach the input's eventUrl, and nobody else's; an SCCO
 * without a connect, a caller hanging up during the input, and a connect to an app user who is
 * not online each end the one record once, charged once; a connect to an online user rings them
 * with the caller's media re-offered by rtpengine, and their answer completes the bridge without
 * a second answer to the caller; nobody answering ends the call at the connect's timeout. The
 * node's bound on running SCCOs is {@link AppCallerIvrBoundIntegrationTests}'s.
 */
class AppCallerIvrIntegrationTests extends PhoneCallTestSupport {

	/** 0.60 a minute in 1 s increments: a cent a second. */
	private static final BigDecimal PER_MINUTE = new BigDecimal("0.60");

	private WebhookReceiver eventUrl;

	@BeforeEach
	void rateGreetingAndEventUrl() throws Exception {
		this.rates.save(new Rate(this.project.getAccountId(), RatedCallType.INTERNAL, "", PER_MINUTE, 1, "USD"));
		String token = this.tenants.accountToken(this.tenants.accountOf(this.project));
		assertThat(GreetingUploads.upload(this.port, token, "menu.wav", GreetingUploads.toneWav(1000, 1000))
			.statusCode()).isEqualTo(201);
		this.eventUrl = new WebhookReceiver();
	}

	@AfterEach
	void closeEventUrl() {
		this.eventUrl.close();
	}

	@Test
	void anSccoWithoutConnectPlaysThenEndsTheCallChargedOnce() throws Exception {
		this.answerUrl.respond("""
				[{"action":"play","fileName":"menu.wav","bargeIn":false}]""");
		StompTestClient alice = device("alice", "alice-app");
		String callId = make(alice);
		answeredByTheServer(alice, callId);

		Map<String, Object> ended = alice.await((m) -> isState(m, callId, 6));
		assertThat(ended).containsEntry("reason", "Ended");
		Call call = endedOnce(callId);
		// The menu is 1 s: answered with the caller's offer, ended when it has played.
		assertThat(call.money().billedSeconds()).isBetween(1, 3);
		await("the call's media deleted at rtpengine").atMost(Duration.ofSeconds(5))
			.until(() -> !knownToRtpEngine(callId));
	}

	@Test
	void theCallersDigitsReachTheInputAndNobodyElsesDo() throws Exception {
		this.answerUrl.respond("""
				[{"action":"input","eventUrl":"%s","maxDigits":2,"timeout":30,"customField":"main-menu"}]"""
			.formatted(this.eventUrl.url()));
		StompTestClient alice = device("alice", "alice-app");
		String callId = make(alice);
		answeredByTheServer(alice, callId);

		// A user of another account's project, even of the same name, cannot act on the call.
		Project other = this.tenants.create(this.answerUrl.url(), new BigDecimal("10.00")).project;
		StompTestClient mallory = device(other, "alice", "mallory-app");
		assertThat(mallory.request("call.dtmf", body(callId, "digits", "99")).get("r")).isNotEqualTo(0);
		assertThat(mallory.request("call.sdp", body(callId, "sdp", offer(MediaPackets.sdp("chromium-offer.sdp"))))
			.get("r")).isNotEqualTo(0);
		assertThat(mallory.request("call.hangup", body(callId)).get("r")).isNotEqualTo(0);
		assertThat(record(callId).getStatus()).isEqualTo(CallState.ANSWERED);

		assertThat(alice.request("call.dtmf", body(callId, "digits", "42"))).containsEntry("r", 0);
		await("the input's POST").atMost(Duration.ofSeconds(10)).until(() -> !this.eventUrl.requests().isEmpty());
		WebhookReceiver.Request posted = this.eventUrl.requests().get(0);
		assertThat(posted.json()).containsEntry("dtmf", "42")
			.containsEntry("call_id", callId)
			.containsEntry("timeout", false)
			.containsEntry("customField", "main-menu");
		assertThat(posted.headers()).containsKeys("x-oncaller-timestamp", "x-oncaller-signature");
		// The eventUrl answered no SCCO: the first one goes on, and has nothing left.
		assertThat(alice.await((m) -> isState(m, callId, 6))).containsEntry("reason", "Ended");
		endedOnce(callId);
		assertThat(this.eventUrl.requests()).hasSize(1);
	}

	@Test
	void theCallerHangingUpDuringTheInputPostsNothingAndLeavesOneEndedRecord() throws Exception {
		this.answerUrl.respond("""
				[{"action":"input","eventUrl":"%s","maxDigits":4,"timeout":30}]""".formatted(this.eventUrl.url()));
		StompTestClient alice = device("alice", "alice-app");
		String callId = make(alice);
		answeredByTheServer(alice, callId);

		assertThat(alice.request("call.hangup", body(callId))).containsEntry("r", 0);
		assertThat(endedOnce(callId).getEndReason()).isEqualTo("Ended");
		await("the call's media deleted at rtpengine").atMost(Duration.ofSeconds(5))
			.until(() -> !knownToRtpEngine(callId));
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
			.until(() -> this.eventUrl.requests().isEmpty());
		assertThat(alice.request("call.dtmf", body(callId, "digits", "1")).get("r")).as("the call is gone")
			.isEqualTo(1);
	}

	@Test
	void aConnectToAUserWhoIsNotOnlineEndsTheCall() throws Exception {
		this.answerUrl.respond("""
				[{"action":"play","fileName":"menu.wav","bargeIn":false},
				 {"action":"connect","from":{"type":"internal","number":"alice"},"to":{"type":"internal","number":"carol"}}]""");
		StompTestClient alice = device("alice", "alice-app");
		String callId = make(alice);
		answeredByTheServer(alice, callId);

		assertThat(alice.await((m) -> isState(m, callId, 6))).containsEntry("reason", "Callee not online");
		assertThat(endedOnce(callId).getEndReason()).isEqualTo("Callee not online");
	}

	@Test
	void aConnectAfterTheActionsRingsTheUserWithTheCallersMediaOnTheSameCall() throws Exception {
		this.answerUrl.respond("""
				[{"action":"play","fileName":"menu.wav","bargeIn":false},
				 {"action":"connect","from":{"type":"internal","number":"alice","alias":"Alice A."},
				  "to":{"type":"internal","number":"bob"},"timeout":20,"customData":"from-the-menu"}]""");
		StompTestClient alice = device("alice", "alice-app");
		StompTestClient bob = device("bob", "bob-app");
		String callId = make(alice);
		answeredByTheServer(alice, callId);

		Map<String, Object> incoming = bob.awaitEvent("incomingCall", callId);
		assertThat(incoming).containsEntry("fromNumber", "alice")
			.containsEntry("fromAlias", "Alice A.")
			.containsEntry("fromInternal", true)
			.containsEntry("customDataFromYourServer", "from-the-menu");
		Map<String, Object> offer = bob.awaitEvent("sdp", callId);
		assertThat(sdpText(offer)).contains("UDP/TLS/RTP/SAVPF", "a=ice-ufrag:", "a=fingerprint:");
		assertThat(bob.request("call.answer", body(callId))).containsEntry("r", 0);
		String bobAnswer = MediaPackets.sdp("chromium-answer.sdp");
		bob.send("call.sdp", body(callId, "sdp", Map.of("type", "answer", "sdp", bobAnswer)));
		assertThat(alice.receives((m) -> "sdp".equals(m.get("type")), Duration.ofMillis(500)))
			.as("the caller, answered by the server, gets no second answer").isFalse();
		Call connected = record(callId);
		assertThat(connected.getStatus()).isEqualTo(CallState.ANSWERED);
		assertThat(connected.parties().toUserId()).isEqualTo("bob");
		assertThat(connected.timing().transferredAt()).isNotNull();

		assertThat(bob.request("call.hangup", body(callId))).containsEntry("r", 0);
		assertThat(alice.await((m) -> isState(m, callId, 6))).containsEntry("reason", "Ended");
		endedOnce(callId);
	}

	@Test
	void aConnectNobodyAnswersEndsTheCallAtItsTimeout() throws Exception {
		this.answerUrl.respond("""
				[{"action":"talk","text":"One moment","bargeIn":false},
				 {"action":"connect","from":{"type":"internal","number":"alice"},"to":{"type":"internal","number":"bob"},
				  "timeout":1}]""");
		StompTestClient alice = device("alice", "alice-app");
		StompTestClient bob = device("bob", "bob-app");
		String callId = make(alice);
		answeredByTheServer(alice, callId);

		bob.awaitEvent("incomingCall", callId);
		assertThat(alice.await((m) -> isState(m, callId, 6))).containsEntry("reason", "Transfer not answered");
		assertThat(bob.await((m) -> isState(m, callId, 6))).containsEntry("reason", "Transfer not answered");
		endedOnce(callId);
	}

	/** Alice's call.make: placed, the server answering it, she hears Calling. */
	private String make(StompTestClient alice) throws InterruptedException {
		Map<String, Object> reply = alice.request("call.make",
				Map.of("fromNumber", "the-boss", "toNumber", "ivr-menu", "isVideoCall", false));
		assertThat(reply).containsEntry("r", 0).containsEntry("toType", "internal");
		String callId = (String) reply.get("callId");
		alice.await((m) -> isState(m, callId, 1));
		Call calling = record(callId);
		assertThat(calling.getStatus()).isEqualTo(CallState.CALLING);
		assertThat(calling.parties().from().number()).as("the user id, not the name the app asked for")
			.isEqualTo("alice");
		return callId;
	}

	/** Alice offers her media as a browser would; the server answers it at rtpengine. */
	private void answeredByTheServer(StompTestClient alice, String callId) throws InterruptedException {
		// call.sdp has no reply when it succeeds.
		alice.send("call.sdp", body(callId, "sdp", offer(MediaPackets.sdp("chromium-offer.sdp"))));
		alice.await((m) -> isState(m, callId, 3));
		Map<String, Object> answer = alice.awaitEvent("sdp", callId);
		assertThat(answer).containsEntry("deviceId", "server");
		assertThat(sdpText(answer)).contains("UDP/TLS/RTP/SAVPF", "a=ice-ufrag:", "a=fingerprint:");
		assertThat(knownToRtpEngine(callId)).isTrue();
	}

	/**
	 * The call's one record: final, app to app, answered by the server, with one ledger charge of
	 * its cost (a cent a billed second).
	 */
	private Call endedOnce(String callId) {
		await().atMost(Duration.ofSeconds(10)).until(() -> record(callId).getStatus().isFinal());
		Call call = record(callId);
		assertThat(call.getStatus()).isEqualTo(CallState.ENDED);
		assertThat(call.getDirection()).isEqualTo(CallDirection.APP_TO_APP);
		assertThat(call.parties().fromUserId()).isEqualTo("alice");
		assertThat(call.parties().to().number()).isEqualTo("ivr-menu");
		assertThat(call.timing().answeredAt()).isNotNull();
		assertThat(call.money().cost())
			.isEqualByComparingTo(PER_MINUTE.multiply(BigDecimal.valueOf(call.money().billedSeconds()))
				.divide(BigDecimal.valueOf(60)));
		List<BigDecimal> charges = this.jdbc.queryForList(
				"select -amount from balance_transaction where call_id = ? and kind = 'CALL_CHARGE'", BigDecimal.class,
				callId);
		assertThat(charges).singleElement().satisfies((charge) -> assertThat(charge).isEqualByComparingTo(call.money().cost()));
		return call;
	}

	private static boolean knownToRtpEngine(String callId) {
		try {
			rtpengine.request("query", Map.of("call-id", callId));
			return true;
		}
		catch (RtpEngineException ex) {
			return false;
		}
	}

}
