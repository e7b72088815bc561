package asia.oncaller.signaling;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import asia.oncaller.auth.TokenIssuer;
import asia.oncaller.testsupport.AnswerUrlServer;
import asia.oncaller.testsupport.CallTestSupport;
import asia.oncaller.testsupport.ServerProcess;
import asia.oncaller.testsupport.StompTestClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 13, "show it" (F3): 1,000 connections of one user against a server in its own JVM with
 * a 512 MB heap. With the per-user cap raised to 1,000, presence really holds them all and
 * every device hears of every later one; with the default cap of 20, the other 980 get ERROR
 * code 12. Either way a call between two other users goes through meanwhile, health stays UP and
 * the JVM never runs out of memory. Prints the heap each idle connection costs.
 */
class ThousandDevicesIntegrationTests {

	private static final int DEVICES = 1000;

	private static final TokenIssuer TOKENS = new TokenIssuer();

	@ParameterizedTest(name = "cap {0}")
	@CsvSource({ "1000, 1000", "default, 20" })
	void aThousandDevicesOfOneUserLeaveTheServerHealthy(String cap, int accepted) throws Exception {
		String perAddress = "--oncaller.signaling.max-connections-per-address=5000";
		String[] arguments = cap.equals("default") ? new String[] { perAddress }
				: new String[] { perAddress, "--oncaller.signaling.max-devices-per-user=" + cap };
		HttpClient http = HttpClient.newHttpClient();
		List<RawStompSocket> crowd = new ArrayList<>();
		try (ServerProcess server = ServerProcess.start("512m", arguments);
				AnswerUrlServer answerUrl = new AnswerUrlServer()) {
			Map<String, Object> project = server.project(answerUrl.url());
			long heapBefore = server.heapUsedAfterGc();

			List<RawStompSocket> connected = new ArrayList<>();
			for (int i = 0; i < DEVICES; i++) {
				RawStompSocket device = RawStompSocket.connected(http, server.port(), token(project, "crowd"),
						"crowd-" + i);
				crowd.add(device);
				String answer = device.next();
				if (answer.startsWith("CONNECTED\n")) {
					device.subscribeAsClientsDo();
					connected.add(device);
				}
				else {
					assertThat(answer).startsWith("ERROR\n").contains("\ncode:12\n");
				}
			}
			assertThat(connected).hasSize(accepted);
			// The first device hears of every later one (otherDeviceAuthen), and gets its authen.
			await().atMost(Duration.ofSeconds(60)).until(() -> connected.get(0).received() >= accepted - 1);

			try (StompTestClient alice = StompTestClient.connect(server.port(), token(project, "alice"), "a");
					StompTestClient bob = StompTestClient.connect(server.port(), token(project, "bob"), "b")) {
				answerUrl.respond(AnswerUrlServer.connectToUser("bob", 30));
				Map<String, Object> made = alice.request("call.make",
						Map.of("fromNumber", "alice", "toNumber", "bob", "isVideoCall", false));
				assertThat(made).containsEntry("r", 0);
				String callId = (String) made.get("callId");
				bob.awaitEvent("incomingCall", callId);
				assertThat(bob.request("call.answer", CallTestSupport.body(callId))).containsEntry("r", 0);
				alice.await((m) -> "signalingState".equals(m.get("type")) && Integer.valueOf(3).equals(m.get("code")));
				assertThat(alice.request("call.hangup", CallTestSupport.body(callId))).containsEntry("r", 0);
			}

			assertThat(server.healthUp()).isTrue();
			long heapAfter = server.heapUsedAfterGc();
			System.out.printf("cap %s: %d devices connected; heap after GC %d KB -> %d KB, %d KB per connection%n", cap,
					accepted, heapBefore, heapAfter, (heapAfter - heapBefore) / accepted);
			assertThat(server.isAlive()).isTrue();
			assertThat(server.output()).doesNotContain("OutOfMemoryError");
		}
		finally {
			crowd.forEach(RawStompSocket::close);
		}
	}

	private static String token(Map<String, Object> project, String userId) {
		return TOKENS.clientToken((String) project.get("apiKeySid"), (String) project.get("apiKeySecret"), userId,
				Duration.ofHours(1));
	}

}
