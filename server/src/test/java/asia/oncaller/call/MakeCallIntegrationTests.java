package asia.oncaller.call;

import asia.oncaller.TestTenants;
import asia.oncaller.testsupport.AnswerUrlServer;
import asia.oncaller.testsupport.CallTestSupport;
import asia.oncaller.testsupport.StompTestClient;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import asia.oncaller.billing.Rate;
import asia.oncaller.billing.RateRepository;
import asia.oncaller.billing.RatedCallType;
import asia.oncaller.call.CallState;
import asia.oncaller.numbers.PhoneNumber;
import asia.oncaller.numbers.PhoneNumberRepository;
import asia.oncaller.tenant.Project;
import asia.oncaller.tenant.ProjectRepository;
import asia.oncaller.trunks.SipTransport;
import asia.oncaller.trunks.SipTrunk;
import asia.oncaller.trunks.SipTrunkRepository;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code call.make} over a real WebSocket, with the customer's answer_url on a real HTTP server:
 * each documented code is made to happen (0 to 8, 10, 12, 13), in the documented order, and the
 * answer_url receives the documented parameters.
 */
class MakeCallIntegrationTests extends CallTestSupport {

	@Autowired
	PhoneNumberRepository numbers;

	@Autowired
	SipTrunkRepository trunks;

	@Autowired
	RateRepository rates;

	@Autowired
	ProjectRepository projects;

	@Test
	void builtInHelperShowsTheCallersUserIdUnlessTheProjectLetsClientsChooseTheirName() throws Exception {
		this.project.setAnswerUrl("http://127.0.0.1:" + this.port + "/scco-helper/project-answer-url");
		this.project = this.projects.save(this.project);
		StompTestClient mallory = device("mallory", "m1");
		StompTestClient bob = device("bob", "b1");
		Map<String, Object> posing = Map.of("fromNumber", "Your Bank", "toNumber", "bob", "isVideoCall", false);

		Map<String, Object> first = mallory.request("call.make", posing);
		assertThat(first).containsEntry("r", 0);
		String firstId = (String) first.get("callId");
		assertThat(bob.awaitEvent("incomingCall", firstId)).containsEntry("fromNumber", "mallory")
			.containsEntry("fromAlias", "mallory");
		assertThat(mallory.request("call.hangup", body(firstId))).containsEntry("r", 0);

		this.project.setClientChosenCallerNames(true);
		this.project = this.projects.save(this.project);
		Map<String, Object> second = mallory.request("call.make", posing);
		assertThat(second).containsEntry("r", 0);
		assertThat(bob.awaitEvent("incomingCall", (String) second.get("callId"))).containsEntry("fromNumber",
				"Your Bank");
	}

	@Test
	void appToAppCallRingsEveryDeviceOfTheCallee() throws Exception {
		StompTestClient alice = device("alice", "a1");
		StompTestClient bobLaptop = device("bob", "b1");
		StompTestClient bobPhone = device("bob", "b2");
		this.answerUrl.respond(AnswerUrlServer.connectToUser("bob", 60));

		Map<String, Object> reply = alice.request("call.make",
				Map.of("fromNumber", "alice", "toNumber", "bob", "isVideoCall", true, "custom", "{\"x\":1}"));

		assertThat(reply).containsEntry("r", 0)
			.containsEntry("toType", "internal")
			.containsEntry("customDataFromYourServer", "order-42")
			.containsKeys("callId", "iceServers", "message");
		String callId = (String) reply.get("callId");
		assertThat(callId).startsWith("call-");
		assertThat(alice.awaitEvent("signalingState", callId)).containsEntry("code", 1);
		for (StompTestClient bob : new StompTestClient[] { bobLaptop, bobPhone }) {
			assertThat(bob.awaitEvent("incomingCall", callId)).containsEntry("fromNumber", "alice")
				.containsEntry("fromAlias", "Alice")
				.containsEntry("toNumber", "bob")
				.containsEntry("isVideoCall", true)
				.containsEntry("fromInternal", true)
				.containsEntry("customDataFromYourServer", "order-42")
				.containsKey("iceServers");
		}
		assertThat(this.answerUrl.lastQuery()).containsEntry("from", "alice")
			.containsEntry("to", "bob")
			.containsEntry("fromInternal", "true")
			.containsEntry("userId", "alice")
			.containsEntry("projectId", this.project.getId())
			.containsEntry("callId", callId)
			.containsEntry("videoCall", "true")
			.containsEntry("custom", "{\"x\":1}");
		assertThat(record(callId).getStatus()).isEqualTo(CallState.CALLING);
	}

	@Test
	void calleeWithNoDeviceOnlineEndsTheCallAtOnce() throws Exception {
		StompTestClient alice = device("alice", "a1");
		String callId = call(alice, "nobody", 60);

		assertThat(alice.awaitEvent("signalingState", callId)).containsEntry("code", 6)
			.containsEntry("reason", "Callee not online");
		assertThat(record(callId).getStatus()).isEqualTo(CallState.ENDED);
	}

	@Test
	void failingAnswerUrlGivesCode1() throws Exception {
		StompTestClient alice = device("alice", "a1");
		this.answerUrl.respondStatus(500);
		assertThat(make(alice, "bob")).containsEntry("r", 1);
	}

	@Test
	void projectWithoutAnswerUrlGivesCode1() throws Exception {
		this.project.setAnswerUrl(null);
		this.projects.save(this.project);
		assertThat(make(device("alice", "a1"), "bob")).containsEntry("r", 1);
	}

	@Test
	void malformedSccoGivesCode2() throws Exception {
		StompTestClient alice = device("alice", "a1");
		this.answerUrl.respond("{\"action\":\"connect\"}");
		assertThat(make(alice, "bob")).containsEntry("r", 2);
	}

	@Test
	void unknownToTypeGivesCode3() throws Exception {
		StompTestClient alice = device("alice", "a1");
		this.answerUrl.respond(AnswerUrlServer.connectToUser("bob", 60).replace("\"type\":\"internal\",\"number\":\"bob\"",
				"\"type\":\"sip\",\"number\":\"bob\""));
		assertThat(make(alice, "bob")).containsEntry("r", 3);
	}

	@Test
	void callerIdThatIsNoNumberOfTheSystemGivesCode4() throws Exception {
		StompTestClient alice = device("alice", "a1");
		this.answerUrl.respond(AnswerUrlServer.connectToPhone("+19990001111", "+84901234567"));
		assertThat(make(alice, "+84901234567")).containsEntry("r", 4);
	}

	@Test
	void callerIdOfAnotherAccountGivesCode5() throws Exception {
		Project other = this.tenants.create("http://127.0.0.1:1/", BigDecimal.ZERO).project;
		String number = uniqueNumber();
		this.numbers.save(new PhoneNumber(number, other.getAccountId()));
		StompTestClient alice = device("alice", "a1");
		this.answerUrl.respond(AnswerUrlServer.connectToPhone(number, "+84901234567"));
		assertThat(make(alice, "+84901234567")).containsEntry("r", 5);
	}

	@Test
	void accountWithoutTrunkGivesCode6() throws Exception {
		String number = uniqueNumber();
		this.numbers.save(new PhoneNumber(number, this.project.getAccountId()));
		StompTestClient alice = device("alice", "a1");
		this.answerUrl.respond(AnswerUrlServer.connectToPhone(number.substring(1), "+84901234567"));
		assertThat(make(alice, "+84901234567")).containsEntry("r", 6);
	}

	@Test
	void trunkOfAnotherAccountGivesCode7() throws Exception {
		Project other = this.tenants.create("http://127.0.0.1:1/", BigDecimal.ZERO).project;
		SipTrunk foreign = this.trunks.save(new SipTrunk(other.getAccountId(), "Theirs", "127.0.0.1", 5070,
				SipTransport.UDP));
		String number = uniqueNumber();
		PhoneNumber mine = new PhoneNumber(number, this.project.getAccountId());
		mine.setTrunkId(foreign.getId());
		this.numbers.save(mine);
		StompTestClient alice = device("alice", "a1");
		this.answerUrl.respond(AnswerUrlServer.connectToPhone(number, "+84901234567"));
		assertThat(make(alice, "+84901234567")).containsEntry("r", 7);
	}

	@Test
	void balanceBelowTheFirstIncrementGivesCode8AndExactlyOneIncrementPasses() throws Exception {
		String number = phoneNumberWithTrunk();
		// 60 s increments: the first costs the price per minute itself; the balance is 10.00 and
		// no call is in progress, so all of it is available.
		this.rates.save(new Rate(this.project.getAccountId(), RatedCallType.EXTERNAL, "8490", new BigDecimal("10.01"),
				60, "USD"));
		this.rates.save(new Rate(this.project.getAccountId(), RatedCallType.EXTERNAL, "8491", new BigDecimal("10.00"),
				60, "USD"));
		StompTestClient alice = device("alice", "a1");

		this.answerUrl.respond(AnswerUrlServer.connectToPhone(number, "+84901234567"));
		assertThat(make(alice, "+84901234567")).containsEntry("r", 8);
		this.answerUrl.respond(AnswerUrlServer.connectToPhone(number, "+84911234567"));
		assertThat(make(alice, "+84911234567")).containsEntry("r", 0);
	}

	@Test
	void liveCallHoldsItsFirstIncrementSoTheNextCallGetsCode8UntilItEnds() throws Exception {
		// The balance is 10.00, exactly one first increment of this rate.
		this.rates.save(new Rate(this.project.getAccountId(), RatedCallType.INTERNAL, "", new BigDecimal("10.00"), 60,
				"USD"));
		StompTestClient alice = device("alice", "a1");
		device("bob", "b1");
		String ringing = call(alice, "bob", 60);

		assertThat(make(alice, "bob")).containsEntry("r", 8);
		assertThat(alice.request("call.hangup", body(ringing))).containsEntry("r", 0);
		assertThat(make(alice, "bob")).containsEntry("r", 0);
	}

	@Test
	void appToAppCallIsRefusedWithCode8OnlyWhenARateIsSetForIt() throws Exception {
		StompTestClient alice = device("alice", "a1");
		device("bob", "b1");
		this.answerUrl.respond(AnswerUrlServer.connectToUser("bob", 60));
		assertThat(make(alice, "bob")).containsEntry("r", 0);

		this.rates.save(new Rate(this.project.getAccountId(), RatedCallType.INTERNAL, "", new BigDecimal("11.00"), 60,
				"USD"));
		assertThat(make(alice, "bob")).containsEntry("r", 8);
	}

	@Test
	void badJsonMissingFieldsAndWrongTypesGiveCode10() throws Exception {
		StompTestClient alice = device("alice", "a1");
		alice.send("call.make", "{not json".getBytes(StandardCharsets.UTF_8));
		assertThat(alice.await((m) -> "reply".equals(m.get("type")))).containsEntry("r", 10);

		assertThat(alice.request("call.make", Map.of("toNumber", "bob"))).containsEntry("r", 10)
			.extractingByKey("message")
			.asString()
			.contains("fromNumber");
		assertThat(alice.request("call.make", Map.of("fromNumber", "alice", "toNumber", "bob", "isVideoCall", "yes")))
			.containsEntry("r", 10)
			.extractingByKey("message")
			.asString()
			.contains("isVideoCall");
	}

	@Test
	void floodOfRequestsGetsCode12() throws Exception {
		StompTestClient alice = device("alice", "a1");
		for (int i = 0; i < 120; i++) {
			alice.send("call.hangup", Map.of("requestId", "flood-" + i, "callId", "call-none"));
		}
		assertThat(alice.await((m) -> "reply".equals(m.get("type")) && Integer.valueOf(12).equals(m.get("r"))))
			.containsEntry("message", "Rate limited: too many requests");
	}

	@Test
	void failureInsideTheServerGivesCode13AndWritesNoCall() throws Exception {
		StompTestClient alice = device("alice", "a1");
		long before = this.calls.count();
		this.projects.delete(this.project);

		assertThat(make(alice, "bob")).containsEntry("r", 13);
		assertThat(this.calls.count()).isEqualTo(before);
	}

	private Map<String, Object> make(StompTestClient caller, String to) throws InterruptedException {
		return caller.request("call.make", Map.of("fromNumber", "alice", "toNumber", to, "isVideoCall", false));
	}

	private String phoneNumberWithTrunk() {
		SipTrunk trunk = this.trunks.save(new SipTrunk(this.project.getAccountId(), "Carrier", "127.0.0.1", 5070,
				SipTransport.UDP));
		String number = uniqueNumber();
		PhoneNumber phoneNumber = new PhoneNumber(number, this.project.getAccountId());
		phoneNumber.setTrunkId(trunk.getId());
		this.numbers.save(phoneNumber);
		return number;
	}

	private static String uniqueNumber() {
		return "+1555" + String.format("%07d", Math.floorMod(System.nanoTime(), 10_000_000L));
	}

}
