package asia.oncaller.sip;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import asia.oncaller.billing.Rate;
import asia.oncaller.billing.RatedCallType;
import asia.oncaller.call.Call;
import asia.oncaller.call.CallState;
import asia.oncaller.media.MediaPackets;
import asia.oncaller.testsupport.AnswerUrlServer;
import asia.oncaller.testsupport.ClusterNodeProcess;
import asia.oncaller.testsupport.StompTestClient;
import asia.oncaller.testsupport.TestBroker;
import asia.oncaller.trunks.DtmfMode;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Phone legs in a cluster (issue 17 item 2, docs/sip.md "Phone legs in a cluster"): two server
 * nodes, each a JVM of its own on the test database, the machine's RabbitMQ and one rtpengine,
 * with a real SIPp as the carrier. Node A holds the phone leg while the app user's device sits on
 * node C: the device's SDP, DTMF, hold and hangup reach the leg on A, and the carrier's hangup
 * reaches the device on C. Or node A is killed with SIGKILL (no shutdown hook, no goodbye); the
 * carrier must get its BYE within 10 s, and the record must end, and be charged, exactly once.
 * This test's own server context only sets the tenant up and reads the records; it is no node of
 * the cluster.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PhoneLegFailoverIntegrationTests extends PhoneCallTestSupport {

	/** What issue 17 allows from a node's death to the carrier's BYE. */
	private static final Duration FAILOVER_LIMIT = Duration.ofSeconds(10);

	@Autowired
	HikariDataSource database;

	private ClusterNodeProcess nodeA;

	private ClusterNodeProcess nodeC;

	/** Both nodes start at once: a node takes half a minute to start on a busy machine. */
	@BeforeAll
	void startTwoNodes() throws Exception {
		TestBroker.ensureVirtualHost();
		CompletableFuture<ClusterNodeProcess> a = CompletableFuture.supplyAsync(() -> start("leg-a"));
		this.nodeC = start("leg-c");
		this.nodeA = a.join();
	}

	/** A test that killed node A leaves it dead; the next one gets a new node A. */
	@BeforeEach
	void nodeAAlive() {
		if (!this.nodeA.server().isAlive()) {
			this.nodeA = start("leg-a");
		}
	}

	@AfterAll
	void stopNodes() {
		this.nodeA.server().close();
		this.nodeC.server().close();
	}

	/**
	 * A phone calls node A; Bob's device on node C answers. A sends the carrier its 200 OK with
	 * the media rtpengine answered for Bob's SDP, and C's DTMF (SIP INFO), hold and unhold
	 * (re-INVITEs, whose answers come back to Bob) reach the carrier from A; the carrier's BYE
	 * ends the call on Bob's device, charged once.
	 */
	@Test
	@Order(1)
	void aPhoneCallAnsweredOnAnotherNodeIsBridgedAndRenegotiatedFromThere() throws Exception {
		StompTestClient bob = phoneCallsGoToBobOnNodeC(DtmfMode.INFO);
		try (SippProcess carrier = phoneCallingNodeA("uac-answered-dtmf-hold.xml").start()) {
			String callId = (String) bob.awaitEvent("incomingCall", null).get("callId");
			answer(bob, callId);
			bob.await((m) -> isState(m, callId, 3));
			assertThat(dialogRow(callId)).containsEntry("node_id", this.nodeA.id());
			await().atMost(StompTestClient.WAIT)
				.until(() -> answeredMediaPort(carrier.messages()) > 0 && carrier.messages().contains("180 Ringing"));

			assertThat(bob.request("call.dtmf", body(callId, "digits", "5"))).containsEntry("r", 0);
			await().atMost(StompTestClient.WAIT).until(() -> carrier.messages().contains("Signal=5"));
			bob.send("call.sdp", body(callId, "sdp",
					offer(MediaPackets.sdp("chromium-offer.sdp").replace("a=sendrecv", "a=sendonly"))));
			assertThat(sdpText(bob.awaitEvent("sdp", callId))).contains("a=recvonly");
			bob.send("call.sdp", body(callId, "sdp", offer(MediaPackets.sdp("chromium-offer.sdp"))));
			assertThat(sdpText(bob.awaitEvent("sdp", callId))).contains("a=sendrecv");

			assertThat(bob.await((m) -> isState(m, callId, 6))).containsEntry("reason", "Ended");
			assertThat(carrier.exitCodeWithin(SIPP_EXIT)).as(carrier.report()).isZero();
			assertThat(carrier.messages()).contains("Via: SIP/2.0/UDP 127.0.0.1:" + this.nodeA.sipPort());
			assertThat(chargedOnce(callId, "Ended")).isPositive();
		}
	}

	/** Bob, on node C, hangs up a phone's call that node A holds: A sends the BYE, the call ends once. */
	@Test
	@Order(2)
	void aPhoneCallHungUpOnAnotherNodeGetsItsByeFromTheLegsNode() throws Exception {
		StompTestClient bob = phoneCallsGoToBobOnNodeC(null);
		try (SippProcess carrier = phoneCallingNodeA("uac-answered-remote-bye.xml").start()) {
			String callId = (String) bob.awaitEvent("incomingCall", null).get("callId");
			answer(bob, callId);
			bob.await((m) -> isState(m, callId, 3));
			await().atMost(StompTestClient.WAIT).until(() -> dialogRow(callId).get("remote_target") != null);

			assertThat(bob.request("call.hangup", body(callId))).containsEntry("r", 0);
			assertThat(carrier.exitCodeWithin(SIPP_EXIT)).as(carrier.report()).isZero();
			assertThat(carrier.messages()).contains("BYE sip:", "Via: SIP/2.0/UDP 127.0.0.1:" + this.nodeA.sipPort());
			assertThat(chargedOnce(callId, "Ended")).isPositive();
		}
	}

	/**
	 * Node A holds two answered phone calls, one an app user made to a phone and one a phone made
	 * to an app user; A is killed. Alice moves to node C and resumes; C hangs both phones up from
	 * the dialogs A left in PostgreSQL, within 10 s, and the app users hear the end.
	 */
	@Test
	@Order(5)
	void aKilledNodesPhoneCallsAreHungUpByAnotherNode() throws Exception {
		SippOptions phoneCalling = phoneCallingNodeA("uac-answered-remote-bye.xml");
		try (SippProcess callee = carrier("uas-answer.xml").start()) {
			trunkTo(callee, null);
			StompTestClient alice = connect(this.nodeA, "alice", "alice-phone", null);
			String outbound = dial(alice);
			alice.await((m) -> isState(m, outbound, 3));
			assertThat(dialogRow(outbound)).containsEntry("node_id", this.nodeA.id())
				.containsEntry("local_cseq", 1L)
				.satisfies((row) -> assertThat((String) row.get("remote_target")).contains("sip:carrier@127.0.0.1"));

			this.answerUrl.respond(AnswerUrlServer.connectPhoneToUser(PHONE, "bob", 30));
			StompTestClient bob = connect(this.nodeA, "bob", "bob-phone", null);
			try (SippProcess caller = phoneCalling.start()) {
				String inbound = (String) bob.awaitEvent("incomingCall", null).get("callId");
				answer(bob, inbound);
				await().atMost(StompTestClient.WAIT).until(() -> dialogRow(inbound).get("remote_target") != null);
				String resumeToken = (String) alice.authen().get("resumeToken");

				Instant killed = this.nodeA.kill();
				StompTestClient back = connect(this.nodeC, "alice", "alice-phone", resumeToken);
				assertThat(back.request("call.resume", body(outbound, "lastSeq", 0))).containsEntry("r", 0)
					.containsEntry("state", 3);

				assertThat(back.await((m) -> isState(m, outbound, 6))).containsEntry("reason", "Connection lost");
				assertThat(callee.exitCodeWithin(FAILOVER_LIMIT)).as(callee.report()).isZero();
				assertThat(caller.exitCodeWithin(FAILOVER_LIMIT)).as(caller.report()).isZero();
				String byeFromC = "Via: SIP/2.0/UDP 127.0.0.1:" + this.nodeC.sipPort();
				assertThat(callee.messages()).contains("BYE sip:carrier@127.0.0.1", byeFromC);
				assertThat(caller.messages()).contains(byeFromC);
				BigDecimal outboundCost = endedOnce(outbound, killed);
				assertThat(outboundCost).isPositive();
				BigDecimal charged = outboundCost.add(endedOnce(inbound, killed));
				assertThat(balance()).isEqualByComparingTo(new BigDecimal("10.00").subtract(charged));
			}
		}
	}

	/**
	 * Alice calls a phone from node A, which dials it; her device moves to node C and holds and
	 * unholds there: her re-offers reach the carrier as re-INVITEs from A (not a second dialling
	 * from C), their answers come back to her on C, and her hangup on C ends the call.
	 */
	@Test
	@Order(3)
	void aCallerWhoMovedToAnotherNodeHoldsThePhoneThroughTheLegsNode() throws Exception {
		try (SippProcess carrier = carrier("uas-reinvite-hold.xml").start()) {
			trunkTo(carrier, null);
			MovedCall moved = answeredCallMovedFromNodeAToNodeC();
			String callId = moved.callId();
			StompTestClient back = moved.device();

			back.send("call.sdp", body(callId, "sdp",
					offer(MediaPackets.sdp("chromium-offer.sdp").replace("a=sendrecv", "a=sendonly"))));
			assertThat(sdpText(back.awaitEvent("sdp", callId))).contains("a=recvonly");
			back.send("call.sdp", body(callId, "sdp", offer(MediaPackets.sdp("chromium-offer.sdp"))));
			assertThat(sdpText(back.awaitEvent("sdp", callId))).contains("a=sendrecv");
			assertThat(back.request("call.hangup", body(callId))).containsEntry("r", 0);
			assertThat(carrier.exitCodeWithin(SIPP_EXIT)).as(carrier.report()).isZero();
			assertThat(carrier.messages()).doesNotContain("Via: SIP/2.0/UDP 127.0.0.1:" + this.nodeC.sipPort());
			assertThat(chargedOnce(callId, "Ended")).isPositive();
		}
	}

	/**
	 * The app's device moves from node A, which holds the phone leg, to node C and hangs up
	 * there: A, alive, learns of the end from PostgreSQL and sends the BYE in its own dialog.
	 */
	@Test
	@Order(4)
	void aPhoneCallEndedOnAnotherNodeReachesItsLeg() throws Exception {
		try (SippProcess carrier = carrier("uas-answer.xml").start()) {
			trunkTo(carrier, null);
			MovedCall moved = answeredCallMovedFromNodeAToNodeC();
			String callId = moved.callId();
			StompTestClient back = moved.device();

			assertThat(back.request("call.hangup", body(callId))).containsEntry("r", 0);
			assertThat(carrier.exitCodeWithin(Duration.ofSeconds(5))).as(carrier.report()).isZero();
			assertThat(carrier.messages()).contains("Via: SIP/2.0/UDP 127.0.0.1:" + this.nodeA.sipPort());
			assertThat(record(callId).getEndReason()).isEqualTo("Ended");
			await().atMost(StompTestClient.WAIT).until(() -> dialogRows(callId) == 0);
		}
	}

	/** The call ended as lost within the limit of the kill, once; returns its cost. */
	private BigDecimal endedOnce(String callId, Instant killed) {
		BigDecimal cost = chargedOnce(callId, "Connection lost");
		Duration failover = Duration.between(killed, record(callId).timing().endedAt());
		System.out.println("Phone leg failover: call " + callId + " ended " + failover.toMillis() + " ms after SIGKILL");
		assertThat(failover).isLessThan(FAILOVER_LIMIT);
		return cost;
	}

	/**
	 * The call ended for the reason, once: its record, and as many charges in the ledger as it has
	 * a cost (one, or none for an unpriced call), of that cost, and its leg forgotten. Returns the
	 * cost.
	 */
	private BigDecimal chargedOnce(String callId, String reason) {
		Call record = record(callId);
		assertThat(record.getStatus()).isEqualTo(CallState.ENDED);
		assertThat(record.getEndReason()).isEqualTo(reason);
		BigDecimal cost = (record.money().cost() != null) ? record.money().cost() : BigDecimal.ZERO;
		List<BigDecimal> charges = this.jdbc.queryForList(
				"select -amount from balance_transaction where call_id = ? and kind = 'CALL_CHARGE'", BigDecimal.class,
				callId);
		if (cost.signum() > 0) {
			assertThat(charges).singleElement().satisfies((charge) -> assertThat(charge).isEqualByComparingTo(cost));
		}
		else {
			assertThat(charges).isEmpty();
		}
		await().atMost(StompTestClient.WAIT).until(() -> dialogRows(callId) == 0);
		return cost;
	}

	/**
	 * Phone calls to our number ring Bob's device on node C, which is returned; they are priced
	 * (as a phone's call is, by the rate of the app user it connects to), so that a double charge
	 * would show.
	 */
	private StompTestClient phoneCallsGoToBobOnNodeC(DtmfMode dtmfMode) throws Exception {
		inboundTrunk(dtmfMode);
		this.rates.save(new Rate(this.project.getAccountId(), RatedCallType.INTERNAL, "", new BigDecimal("0.60"), 1,
				"USD"));
		this.answerUrl.respond(AnswerUrlServer.connectPhoneToUser(PHONE, "bob", 30));
		return connect(this.nodeC, "bob", "bob-phone", null);
	}

	/**
	 * Alice's call to the phone, dialled and answered on node A; then her device drops and
	 * resumes it on node C.
	 */
	private MovedCall answeredCallMovedFromNodeAToNodeC() throws Exception {
		StompTestClient alice = connect(this.nodeA, "alice", "alice-phone", null);
		String callId = dial(alice);
		alice.await((m) -> isState(m, callId, 3));
		String resumeToken = (String) alice.authen().get("resumeToken");
		alice.drop();
		StompTestClient back = connect(this.nodeC, "alice", "alice-phone", resumeToken);
		assertThat(back.request("call.resume", body(callId, "lastSeq", 0))).containsEntry("r", 0);
		return new MovedCall(callId, back);
	}

	/** A call and the device that resumed it on another node. */
	private record MovedCall(String callId, StompTestClient device) {
	}

	/** A carrier calling our number at node A's SIP port. */
	private SippOptions phoneCallingNodeA(String scenario) {
		return SippProcess.scenario(scenario)
			.in(this.test)
			.label("caller")
			.remote(this.nodeA.sipPort())
			.service(OUR_NUMBER)
			.set("caller", PHONE);
	}

	private BigDecimal balance() {
		return this.jdbc.queryForObject("select balance from account where id = ?", BigDecimal.class,
				this.project.getAccountId());
	}

	private Map<String, Object> dialogRow(String callId) {
		return this.jdbc.queryForMap("select * from phone_dialog where call_id = ?", callId);
	}

	private int dialogRows(String callId) {
		return this.jdbc.queryForObject("select count(*) from phone_dialog where call_id = ?", Integer.class, callId);
	}

	/** Alice places a call to the phone through her node, offering media as a browser would. */
	private String dial(StompTestClient alice) throws InterruptedException {
		this.answerUrl.respond(AnswerUrlServer.connectToPhone(OUR_NUMBER, PHONE));
		Map<String, Object> reply = alice.request("call.make",
				Map.of("fromNumber", OUR_NUMBER, "toNumber", PHONE, "isVideoCall", false));
		assertThat(reply).containsEntry("r", 0);
		String callId = (String) reply.get("callId");
		alice.send("call.sdp", body(callId, "sdp", offer(MediaPackets.sdp("chromium-offer.sdp"))));
		return callId;
	}

	private StompTestClient connect(ClusterNodeProcess node, String userId, String deviceId, String resumeToken)
			throws Exception {
		return deviceOn(node.port(), this.project, userId, deviceId, resumeToken);
	}

	private ClusterNodeProcess start(String name) {
		return ClusterNodeProcess.start(name + "-" + UUID.randomUUID().toString().substring(0, 8), this.database,
				"oncaller.media.rtpengine.ng=127.0.0.1:" + NG_PORT);
	}

}
