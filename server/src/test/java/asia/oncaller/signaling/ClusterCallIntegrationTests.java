package asia.oncaller.signaling;

import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import asia.oncaller.TestTenants;
import asia.oncaller.call.Call;
import asia.oncaller.call.CallRepository;
import asia.oncaller.call.CallState;
import asia.oncaller.billing.Rate;
import asia.oncaller.billing.RateRepository;
import asia.oncaller.billing.RatedCallType;
import asia.oncaller.numbers.PhoneNumber;
import asia.oncaller.numbers.PhoneNumberRepository;
import asia.oncaller.tenant.Project;
import asia.oncaller.testsupport.AnswerUrlServer;
import asia.oncaller.testsupport.StompTestClient;
import asia.oncaller.trunks.SipTrunk;
import asia.oncaller.trunks.SipTransport;
import asia.oncaller.trunks.SipTrunkRepository;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static asia.oncaller.testsupport.CallTestSupport.body;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls across three server nodes relayed through the machine's RabbitMQ, on one PostgreSQL
 * (issue 17, item 1): caller and callee on different nodes get the verbs' events and result
 * codes as on one node, a user's devices on different nodes hear of each other and of what the
 * other answered, and devices on three nodes answering at once leave exactly one winner.
 */
class ClusterCallIntegrationTests {

	private static ClusterNodes cluster;

	private final List<StompTestClient> clients = new ArrayList<>();

	private AnswerUrlServer answerUrl;

	private Project project;

	@BeforeAll
	static void startCluster() throws Exception {
		cluster = ClusterNodes.start(3);
	}

	@AfterAll
	static void stopCluster() {
		if (cluster != null) {
			cluster.close();
		}
	}

	@BeforeEach
	void tenant() throws Exception {
		this.answerUrl = new AnswerUrlServer();
		this.project = cluster.bean(0, TestTenants.class).create(this.answerUrl.url(), new BigDecimal("10.00")).project;
	}

	@AfterEach
	void closeClients() {
		this.clients.forEach(StompTestClient::close);
		this.answerUrl.close();
	}

	@Test
	void callerAndCalleeOnTwoNodesRingAnswerAndHangUp() throws Exception {
		StompTestClient alice = device(0, "alice", "a1");
		StompTestClient bob = device(1, "bob", "b1");
		String callId = call(alice, "bob");

		assertThat(bob.awaitEvent("incomingCall", callId)).containsEntry("fromNumber", "alice");
		assertThat(bob.request("call.ringing", body(callId))).containsEntry("r", 0);
		assertThat(alice.awaitEvent("signalingState", callId)).containsEntry("code", 1);
		assertThat(alice.awaitEvent("signalingState", callId)).containsEntry("code", 2);
		assertThat(bob.request("call.answer", body(callId))).containsEntry("r", 0);
		assertThat(alice.awaitEvent("signalingState", callId)).containsEntry("code", 3);
		assertThat(bob.awaitEvent("signalingState", callId)).containsEntry("code", 3);
		assertThat(bob.request("call.info", body(callId, "info", Map.of("note", "hi")))).containsEntry("r", 0);
		assertThat(alice.awaitEvent("info", callId)).containsEntry("info", Map.of("note", "hi"));

		assertThat(alice.request("call.hangup", body(callId))).containsEntry("r", 0);
		assertThat(bob.awaitEvent("signalingState", callId)).containsEntry("code", 6).containsEntry("reason", "Ended");
		assertThat(alice.request("call.hangup", body(callId))).containsEntry("r", 1);
		Call call = record(callId);
		assertThat(call.getStatus()).isEqualTo(CallState.ENDED);
		assertThat(call.parties().answeredDeviceId()).isEqualTo("b1");
	}

	@Test
	void rejectOnAnotherNodeEndsTheCallAsBusy() throws Exception {
		StompTestClient alice = device(0, "alice", "a1");
		StompTestClient bob = device(2, "bob", "b1");
		String callId = call(alice, "bob");

		assertThat(bob.request("call.reject", body("call-unknown"))).containsEntry("r", 1);
		assertThat(bob.request("call.reject", body(callId))).containsEntry("r", 0);
		assertThat(alice.await((m) -> "signalingState".equals(m.get("type")) && Integer.valueOf(5).equals(m.get("code"))))
			.containsEntry("reason", "Busy here")
			.containsEntry("sipCode", 486);
		assertThat(bob.request("call.reject", body(callId))).containsEntry("r", 1);
		assertThat(record(callId).getStatus()).isEqualTo(CallState.BUSY);
	}

	@Test
	void resultCodesAreTheSameAcrossNodes() throws Exception {
		StompTestClient alice = device(0, "alice", "a1");
		StompTestClient bob1 = device(1, "bob", "b1");
		StompTestClient bob2 = device(2, "bob", "b2");
		StompTestClient carol = device(1, "carol", "c1");
		String callId = call(alice, "bob");

		assertThat(bob1.request("call.ringing", body("call-unknown"))).containsEntry("r", 1);
		assertThat(bob2.request("call.answer", body("call-unknown"))).containsEntry("r", 1);
		assertThat(bob2.request("call.hangup", body("call-unknown"))).containsEntry("r", 1);
		assertThat(alice.request("call.ringing", body(callId))).containsEntry("r", 11);
		assertThat(carol.request("call.answer", body(callId))).containsEntry("r", 11);
		assertThat(bob1.request("call.answer", body(callId))).containsEntry("r", 0);
		assertThat(bob2.request("call.ringing", body(callId))).containsEntry("r", 2);
		assertThat(bob2.request("call.reject", body(callId))).containsEntry("r", 2);
		assertThat(bob2.request("call.hangup", body(callId))).containsEntry("r", 2);
		assertThat(bob1.request("call.hangup", body(callId))).containsEntry("r", 0);
		assertThat(alice.awaitEvent("signalingState", callId)).containsEntry("code", 1);

		String unanswered = call(alice, "bob");
		assertThat(alice.request("call.hangup", body(unanswered))).containsEntry("r", 0);
		assertThat(bob1.request("call.answer", body(unanswered))).containsEntry("r", 3);
		assertThat(bob2.await((m) -> "signalingState".equals(m.get("type")) && unanswered.equals(callIdOf(m))))
			.containsEntry("code", 6);
	}

	@Test
	void theRelayedVerbsReachThePeersDevicesOnOtherNodes() throws Exception {
		StompTestClient alice = device(0, "alice", "a1");
		StompTestClient bob1 = device(1, "bob", "b1");
		StompTestClient bob2 = device(2, "bob", "b2");
		String callId = call(alice, "bob");
		Map<String, Object> offer = Map.of("type", "offer", "sdp", "v=0 offer");
		Map<String, Object> candidate = Map.of("candidate", "candidate:1 1 udp 1 10.0.0.1 9 typ host", "sdpMid", "0",
				"sdpMLineIndex", 0);

		alice.send("call.sdp", body(callId, "sdp", offer));
		assertThat(bob1.awaitEvent("sdp", callId)).containsEntry("sdp", offer).containsEntry("deviceId", "a1");
		assertThat(bob2.awaitEvent("sdp", callId)).containsEntry("sdp", offer);
		assertThat(bob2.request("call.answer", body(callId))).containsEntry("r", 0);
		alice.send("call.candidate", body(callId, "candidate", candidate));
		assertThat(bob2.awaitEvent("candidate", callId)).containsEntry("candidate", candidate);
		assertThat(bob2.request("call.dtmf", body(callId, "digits", "12*#"))).containsEntry("r", 0);
		assertThat(alice.awaitEvent("dtmf", callId)).containsEntry("digits", "12*#");
		assertThat(alice.request("call.hold", body(callId, "hold", true))).containsEntry("r", 0);
		assertThat(bob2.awaitEvent("hold", callId)).containsEntry("hold", true);
		assertThat(alice.request("call.transfer", body(callId, "userId", "bob"))).containsEntry("r", 4);
		assertThat(alice.request("call.transfer", body(callId, "userId", "dave"))).containsEntry("r", 5);
		assertThat(bob1.receives((m) -> "candidate".equals(m.get("type")), Duration.ofMillis(300))).isFalse();

		Map<String, Object> note = Map.of("toUserId", "bob", "message", Map.of("from", "node a"));
		assertThat(alice.request("message.custom", note)).containsEntry("r", 0);
		for (StompTestClient bob : List.of(bob1, bob2)) {
			assertThat(bob.await((m) -> "customMessage".equals(m.get("type"))))
				.containsEntry("message", Map.of("from", "node a"));
		}
		assertThat(alice.request("message.custom", Map.of("toUserId", "dave", "message", Map.of("to", "nobody"))))
			.containsEntry("r", 5);
	}

	@Test
	void aCallToAUserOnNoNodeEndsAsNotOnline() throws Exception {
		StompTestClient alice = device(0, "alice", "a1");
		device(1, "bob", "b1");
		String callId = call(alice, "dave");

		assertThat(alice.await((m) -> "signalingState".equals(m.get("type")) && Integer.valueOf(6).equals(m.get("code"))))
			.containsEntry("callId", callId)
			.containsEntry("reason", "Callee not online");
	}

	@Test
	void aUsersDevicesOnTwoNodesHearOfEachOtherAndOfTheAnswer() throws Exception {
		StompTestClient alice = device(0, "alice", "a1");
		StompTestClient bob1 = device(1, "bob", "b1");
		StompTestClient bob2 = device(2, "bob", "b2");

		Map<String, Object> came = bob1.await((m) -> "otherDeviceAuthen".equals(m.get("type")));
		assertThat(came).containsEntry("status", "connected")
			.containsEntry("deviceId", "b2")
			.containsEntry("connectionId", bob2.connectionId());
		assertThat(clientsOf(bob2)).containsExactly("b1", "b2");

		String callId = call(alice, "bob");
		bob1.awaitEvent("incomingCall", callId);
		bob2.awaitEvent("incomingCall", callId);
		assertThat(bob2.request("call.answer", body(callId))).containsEntry("r", 0);
		Map<String, Object> released = bob1.awaitEvent("otherDevice", callId);
		assertThat(data(released)).containsEntry("type", "CALL_STATE").containsEntry("code", 200);
		assertThat(bob2.request("call.hangup", body(callId))).containsEntry("r", 0);
		assertThat(data(bob1.await((m) -> "otherDevice".equals(m.get("type")) && m.get("code") == null)))
			.containsEntry("type", "CALL_END");

		bob2.close();
		assertThat(bob1.await((m) -> "otherDeviceAuthen".equals(m.get("type")) && "disconnected".equals(m.get("status"))))
			.containsEntry("deviceId", "b2");
	}

	@Test
	void devicesOnThreeNodesAnsweringAtOnceHaveExactlyOneWinnerEveryTime() throws Exception {
		StompTestClient alice = device(0, "alice", "a1");
		List<StompTestClient> bobs = List.of(device(0, "bob", "b1"), device(1, "bob", "b2"), device(2, "bob", "b3"));
		for (int round = 0; round < 100; round++) {
			String callId = call(alice, "bob");
			for (StompTestClient bob : bobs) {
				bob.awaitEvent("incomingCall", callId);
			}
			for (int i = 0; i < bobs.size(); i++) {
				bobs.get(i).send("call.answer", Map.of("requestId", "race-" + round + "-" + i, "callId", callId));
			}
			List<Integer> codes = new ArrayList<>();
			for (int i = 0; i < bobs.size(); i++) {
				String requestId = "race-" + round + "-" + i;
				codes.add((Integer) bobs.get(i).await((m) -> requestId.equals(m.get("requestId"))).get("r"));
			}

			assertThat(codes).as("round %d", round).containsExactlyInAnyOrder(0, 2, 2);
			int winner = codes.indexOf(0);
			for (int i = 0; i < bobs.size(); i++) {
				if (i != winner) {
					assertThat(bobs.get(i).awaitEvent("otherDevice", callId)).containsEntry("code", 200);
				}
			}
			assertThat(bobs.get(winner).awaitEvent("signalingState", callId)).containsEntry("code", 3);
			assertThat(record(callId).parties().answeredDeviceId()).isEqualTo("b" + (winner + 1));
			assertThat(alice.request("call.hangup", body(callId))).containsEntry("r", 0);
			assertThat(bobs.get(winner).awaitEvent("signalingState", callId)).containsEntry("code", 6);
		}
	}

	@Test
	void aClientCannotReachAnotherUsersDestinationOnAnotherNodeThroughTheRelay() throws Exception {
		StompTestClient alice = device(0, "alice", "a1");
		StompTestClient victim = device(1, "bob", "b1");
		String victimQueue = "events-user" + victim.connectionId();
		List<String> destinations = List.of("/queue/" + victimQueue, RabbitDestinations.PREFIX + victimQueue,
				"/user/" + ClientPrincipal.nameOf(this.project.getId(), "bob") + "/queue/events",
				RabbitDestinations.PREFIX + "oncaller.node.node-b", "/exchange/amq.direct/#", "/amq/queue/" + victimQueue,
				"/topic/#");
		HttpClient http = HttpClient.newHttpClient();
		List<String> received = new ArrayList<>();
		for (String destination : destinations) {
			try (RawStompSocket mallory = RawStompSocket.connected(http, cluster.port(0),
					cluster.bean(0, TestTenants.class).clientToken(this.project, "mallory"), "evil")) {
				mallory.expect("CONNECTED");
				mallory.send("SUBSCRIBE", "id:0", "destination:" + destination);
				mallory.sendRaw("SEND\ndestination:" + destination + "\ncontent-type:application/json\n\n"
						+ "{\"type\":\"incomingCall\",\"callId\":\"forged\"}\0");
				// Cut off, with nothing but the ERROR (which Spring may drop when it closes at once).
				received.addAll(mallory.framesUntilClosed(StompTestClient.WAIT));
			}
		}
		assertThat(received).isNotEmpty()
			.allSatisfy((frame) -> assertThat(frame).startsWith("ERROR\n").contains("\ncode:9\n"));
		String callId = call(alice, "bob");
		assertThat(victim.awaitEvent("incomingCall", callId)).containsEntry("fromNumber", "alice");
		assertThat(victim.receives((m) -> "forged".equals(m.get("callId")), Duration.ofMillis(500))).isFalse();
	}

	@Test
	void aDroppedDeviceResumesItsCallOnAnotherNode() throws Exception {
		StompTestClient alice = device(0, "alice", "a1");
		StompTestClient bob = device(1, "bob", "b1");
		String callId = call(alice, "bob");
		assertThat(bob.request("call.answer", body(callId))).containsEntry("r", 0);
		long lastSeq = seqOf(alice.await(state(callId, 3)));
		String resumeToken = (String) alice.authen().get("resumeToken");
		alice.drop();
		assertThat(bob.awaitEvent("peerConnection", callId)).containsEntry("state", "lost");

		// Signed by node A, accepted by node C: the nodes share the resume secret.
		StompTestClient back = StompTestClient.connect(cluster.port(2),
				cluster.bean(0, TestTenants.class).clientToken(this.project, "alice"), "a1", resumeToken);
		this.clients.add(back);
		assertThat(back.request("call.resume", body(callId, "lastSeq", lastSeq))).containsEntry("r", 0)
			.containsEntry("state", 3);
		assertThat(bob.awaitEvent("peerConnection", callId)).containsEntry("state", "restored");
		assertThat(bob.request("call.hangup", body(callId))).containsEntry("r", 0);
		assertThat(seqOf(back.await(state(callId, 6)))).as("numbered on above what the device saw")
			.isEqualTo(lastSeq + 1);
	}

	/**
	 * The {@code call.make} codes 1 to 8 for a caller on node A whose callee, or own other device,
	 * is on node B or C: the same code path on every node, and the money a live call holds is
	 * settled in PostgreSQL, so a second device on another node is refused with 8 too.
	 */
	@Test
	void makeCodesOneToEightAreTheSameAcrossNodes() throws Exception {
		StompTestClient alice = device(0, "alice", "a1");
		StompTestClient aliceElsewhere = device(2, "alice", "a2");
		device(1, "bob", "b1");
		this.answerUrl.respondStatus(500);
		assertThat(make(alice, "bob")).containsEntry("r", 1);
		this.answerUrl.respond("{\"action\":\"connect\"}");
		assertThat(make(alice, "bob")).containsEntry("r", 2);
		this.answerUrl.respond(AnswerUrlServer.connectToUser("bob", 60)
			.replace("\"type\":\"internal\",\"number\":\"bob\"", "\"type\":\"sip\",\"number\":\"bob\""));
		assertThat(make(alice, "bob")).containsEntry("r", 3);
		this.answerUrl.respond(AnswerUrlServer.connectToPhone("+19990001111", "+84901234567"));
		assertThat(make(alice, "+84901234567")).containsEntry("r", 4);

		String accountId = this.project.getAccountId();
		Project other = cluster.bean(0, TestTenants.class).create("http://127.0.0.1:1/", BigDecimal.ZERO).project;
		PhoneNumberRepository numbers = cluster.bean(1, PhoneNumberRepository.class);
		String theirs = numbers.save(new PhoneNumber(uniqueNumber(), other.getAccountId())).getNumber();
		this.answerUrl.respond(AnswerUrlServer.connectToPhone(theirs, "+84901234567"));
		assertThat(make(aliceElsewhere, "+84901234567")).containsEntry("r", 5);
		String noTrunk = numbers.save(new PhoneNumber(uniqueNumber(), accountId)).getNumber();
		this.answerUrl.respond(AnswerUrlServer.connectToPhone(noTrunk, "+84901234567"));
		assertThat(make(aliceElsewhere, "+84901234567")).containsEntry("r", 6);
		SipTrunk foreign = cluster.bean(1, SipTrunkRepository.class)
			.save(new SipTrunk(other.getAccountId(), "Theirs", "127.0.0.1", 5070, SipTransport.UDP));
		PhoneNumber onForeignTrunk = new PhoneNumber(uniqueNumber(), accountId);
		onForeignTrunk.setTrunkId(foreign.getId());
		numbers.save(onForeignTrunk);
		this.answerUrl.respond(AnswerUrlServer.connectToPhone(onForeignTrunk.getNumber(), "+84901234567"));
		assertThat(make(aliceElsewhere, "+84901234567")).containsEntry("r", 7);

		// The balance, 10.00, is exactly one first increment of this rate.
		cluster.bean(1, RateRepository.class)
			.save(new Rate(accountId, RatedCallType.INTERNAL, "", new BigDecimal("10.00"), 60, "USD"));
		String ringing = call(alice, "bob");
		this.answerUrl.respond(AnswerUrlServer.connectToUser("bob", 60));
		assertThat(make(aliceElsewhere, "bob")).containsEntry("r", 8);
		assertThat(alice.request("call.hangup", body(ringing))).containsEntry("r", 0);
		assertThat(make(aliceElsewhere, "bob")).containsEntry("r", 0);
	}

	/** Each party's media state, reported on its own node, is the call's; a bad code is 10. */
	@Test
	void mediaStatesReportedOnTwoNodesAreTheCalls() throws Exception {
		StompTestClient alice = device(0, "alice", "a1");
		StompTestClient bob = device(1, "bob", "b1");
		String callId = call(alice, "bob");
		bob.awaitEvent("incomingCall", callId);
		assertThat(bob.request("call.answer", body(callId))).containsEntry("r", 0);

		// A media state that is taken gets no reply (PROTOCOL, call.mediastate); a refused one does.
		alice.send("call.mediastate", body(callId, "code", 1));
		bob.send("call.mediastate", body(callId, "code", 2));
		assertThat(bob.request("call.mediastate", body(callId, "code", 7))).containsEntry("r", 10);
		Awaitility.await().atMost(StompTestClient.WAIT).untilAsserted(() -> {
			assertThat(record(callId).getCallerMediaState()).isEqualTo(1);
			assertThat(record(callId).getCalleeMediaState()).isEqualTo(2);
		});
		assertThat(alice.request("call.hangup", body(callId))).containsEntry("r", 0);
		assertThat(bob.request("call.mediastate", body(callId, "code", 1))).containsEntry("r", 1);
	}

	@Test
	void aClientOfARelayingNodeGetsOnlyTheFramesItAskedFor() throws Exception {
		try (RawStompSocket device = RawStompSocket.connected(HttpClient.newHttpClient(), cluster.port(2),
				cluster.bean(0, TestTenants.class).clientToken(this.project, "bob"), "laptop")) {
			device.expect("CONNECTED");
			device.subscribeAsClientsDo();
			assertThat(device.expect("MESSAGE")).contains("\"type\":\"authen\"");
			device.request("call.hangup", "{\"requestId\":\"r1\",\"callId\":\"nothing\"}");
			assertThat(device.expect("MESSAGE")).contains("\"requestId\":\"r1\"", "\"r\":1")
				.contains("destination:/user/queue/events\n");
		}
	}

	private StompTestClient device(int node, String userId, String deviceId) throws Exception {
		StompTestClient client = StompTestClient.connect(cluster.port(node),
				cluster.bean(0, TestTenants.class).clientToken(this.project, userId), deviceId);
		this.clients.add(client);
		return client;
	}

	private String call(StompTestClient caller, String callee) throws InterruptedException {
		this.answerUrl.respond(AnswerUrlServer.connectToUser(callee, 60));
		Map<String, Object> reply = make(caller, callee);
		assertThat(reply).containsEntry("r", 0);
		return (String) reply.get("callId");
	}

	private static Map<String, Object> make(StompTestClient caller, String toNumber) throws InterruptedException {
		return caller.request("call.make", Map.of("fromNumber", "alice", "toNumber", toNumber, "isVideoCall", false));
	}

	private static String uniqueNumber() {
		return "+1555" + String.format("%07d", Math.floorMod(System.nanoTime(), 10_000_000L));
	}

	private Call record(String callId) {
		return cluster.bean(0, CallRepository.class).findById(callId).orElseThrow();
	}

	@SuppressWarnings("unchecked")
	private static List<String> clientsOf(StompTestClient device) {
		return ((List<Map<String, Object>>) device.authen().get("clients")).stream()
			.map((c) -> (String) c.get("deviceId"))
			.toList();
	}

	private static Predicate<Map<String, Object>> state(String callId, int code) {
		return (m) -> "signalingState".equals(m.get("type")) && callId.equals(m.get("callId"))
				&& Integer.valueOf(code).equals(m.get("code"));
	}

	private static long seqOf(Map<String, Object> event) {
		return ((Number) event.get("seq")).longValue();
	}

	private static String callIdOf(Map<String, Object> message) {
		return (String) message.get("callId");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> data(Map<String, Object> event) {
		return (Map<String, Object>) event.get("data");
	}

}
