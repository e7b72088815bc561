package asia.oncaller.call;

import asia.oncaller.testsupport.AnswerUrlServer;
import asia.oncaller.testsupport.CallTestSupport;
import asia.oncaller.testsupport.CustomerEventServer;
import asia.oncaller.testsupport.RestClientForTests;
import asia.oncaller.testsupport.StompTestClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import asia.oncaller.auth.TokenIssuer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Minted TURN credentials on the wire, over real WebSockets: {@code authen}, the
 * {@code call.make} reply and {@code incomingCall} each carry a TURN entry minted for the user
 * who receives it (a callee reached through failover included), fresh each time; a user never
 * receives one minted for another user, whatever the request names; the customer's server
 * placing a call over REST gets none.
 */
@TestPropertySource(properties = { "oncaller.ice.servers[0].urls[0]=stun:stun.example.org:3478",
		"oncaller.ice.turn.urls[0]=turn:turn.example.org:3478?transport=udp",
		"oncaller.ice.turn.secret=" + TurnCredentialsIntegrationTests.SECRET, "oncaller.ice.turn.lifetime=10m" })
class TurnCredentialsIntegrationTests extends CallTestSupport {

	static final String SECRET = "integration-turn-secret";

	private static final long LIFETIME_SECONDS = 600;

	@Autowired
	TokenIssuer issuer;

	@Test
	void authenCarriesTheStaticServersAndATurnEntryMintedForTheUser() throws Exception {
		long before = Instant.now().getEpochSecond();
		StompTestClient alice = device("alice", "a1");

		List<Map<String, Object>> servers = iceServers(alice.authen());
		assertThat(servers).hasSize(2);
		assertThat(servers.get(0)).containsEntry("urls", List.of("stun:stun.example.org:3478"));
		assertMintedFor(servers.get(1), "alice", before);
	}

	@Test
	void callerAndCalleeEachGetCredentialsOfTheirOwnWithTheCall() throws Exception {
		StompTestClient alice = device("alice", "a1");
		StompTestClient bob = device("bob", "b1");
		long authenExpiry = expiry(turnEntry(alice.authen()));
		// Until the clock is past the second alice's authen was minted in (its expiry less the 10 min
		// lifetime): the call's credentials must be minted for the call, not reused.
		long authenMinted = authenExpiry - Duration.ofMinutes(10).toSeconds();
		await().atMost(Duration.ofSeconds(3)).until(() -> Instant.now().getEpochSecond() > authenMinted);
		long before = Instant.now().getEpochSecond();

		Map<String, Object> reply = placeCall(alice, "bob");
		String callId = (String) reply.get("callId");
		Map<String, Object> incoming = bob.awaitEvent("incomingCall", callId);

		assertMintedFor(turnEntry(reply), "alice", before);
		assertThat(expiry(turnEntry(reply))).isGreaterThan(authenExpiry);
		assertMintedFor(turnEntry(incoming), "bob", before);
		alice.awaitEvent("signalingState", callId);
		assertThat(alice.unconsumed()).as("nothing minted for bob reaches alice")
			.noneMatch((m) -> m.toString().contains(":bob"));
	}

	@Test
	void aRequestNamingAnotherUserStillGetsCredentialsOfTheSender() throws Exception {
		StompTestClient mallory = device("mallory", "m1");
		device("bob", "b1");
		this.answerUrl.respond(AnswerUrlServer.connectToUser("bob", 60));

		Map<String, Object> reply = mallory.request("call.make", Map.of("fromNumber", "bob", "toNumber", "bob",
				"isVideoCall", false, "userId", "bob", "username", "9999999999:bob"));

		assertThat(reply).containsEntry("r", 0);
		assertThat(turnEntry(reply).get("username")).asString().endsWith(":mallory");
		assertThat(turnEntry(mallory.authen()).get("username")).asString().endsWith(":mallory");
	}

	@Test
	void aCalleeReachedThroughFailoverGetsCredentialsOfTheirOwn() throws Exception {
		StompTestClient alice = device("alice", "a1");
		StompTestClient carol = device("carol", "c1");
		try (CustomerEventServer onFail = new CustomerEventServer()) {
			onFail.respond(200, """
					[{"action":"connect","from":{"type":"internal","number":"alice"},
					  "to":{"type":"internal","number":"carol"},"timeout":60}]""");
			this.answerUrl.respond("""
					[{"action":"connect","from":{"type":"internal","number":"alice"},
					  "to":{"type":"internal","number":"bob"},"timeout":60,"continueOnFail":true,
					  "onFailEventUrl":"%s"}]""".formatted(onFail.url()));
			long before = Instant.now().getEpochSecond();
			Map<String, Object> reply = alice.request("call.make",
					Map.of("fromNumber", "alice", "toNumber", "bob", "isVideoCall", false));
			assertThat(reply).containsEntry("r", 0);

			Map<String, Object> incoming = carol.awaitEvent("incomingCall", (String) reply.get("callId"));
			assertMintedFor(turnEntry(incoming), "carol", before);
		}
	}

	@Test
	void aCallPlacedByTheCustomersServerGetsNoCredentialsButTheCalleeDoes() throws Exception {
		StompTestClient bob = device("bob", "b1");
		RestClientForTests rest = new RestClientForTests(this.port, this.issuer, this.project);
		Map<String, Object> connect = Map.of("action", "connect", "from", Map.of("type", "internal", "number",
				"support"), "to", Map.of("type", "internal", "number", "bob"));

		RestClientForTests.Answer made = rest.post("/v1/calls",
				Map.of("from", "support", "to", "bob", "actions", List.of(connect)));

		assertThat(made.body()).containsEntry("r", 0);
		assertThat(iceServers(made.body())).as("only the static list").hasSize(1);
		assertThat(made.body().toString()).doesNotContain("turn:");
		long before = Instant.now().getEpochSecond() - 1;
		assertMintedFor(turnEntry(bob.awaitEvent("incomingCall", (String) made.body().get("callId"))), "bob", before);
	}

	private Map<String, Object> placeCall(StompTestClient caller, String callee) throws InterruptedException {
		this.answerUrl.respond(AnswerUrlServer.connectToUser(callee, 60));
		Map<String, Object> reply = caller.request("call.make",
				Map.of("fromNumber", "alice", "toNumber", callee, "isVideoCall", false));
		assertThat(reply).containsEntry("r", 0);
		return reply;
	}

	/**
	 * The entry is for {@code userId}, expires the lifetime after it was minted (no earlier than
	 * {@code mintedNoEarlier}), and its credential is what coturn computes from the secret.
	 */
	private static void assertMintedFor(Map<String, Object> turn, String userId, long mintedNoEarlier)
			throws Exception {
		assertThat(turn).containsEntry("urls", List.of("turn:turn.example.org:3478?transport=udp"));
		String username = (String) turn.get("username");
		assertThat(username).isEqualTo(expiry(turn) + ":" + userId);
		assertThat(expiry(turn)).isBetween(mintedNoEarlier + LIFETIME_SECONDS,
				Instant.now().getEpochSecond() + LIFETIME_SECONDS);
		Mac mac = Mac.getInstance("HmacSHA1");
		mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
		assertThat(turn).containsEntry("credential",
				Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8))));
		assertThat(turn.toString()).doesNotContain(SECRET);
	}

	private static long expiry(Map<String, Object> turn) {
		String username = (String) turn.get("username");
		return Long.parseLong(username.substring(0, username.indexOf(':')));
	}

	private static Map<String, Object> turnEntry(Map<String, Object> message) {
		return iceServers(message).stream()
			.filter((server) -> server.get("username") != null)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no TURN entry in " + message.get("iceServers")));
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> iceServers(Map<String, Object> message) {
		return (List<Map<String, Object>>) message.get("iceServers");
	}

}
