package asia.oncaller.demo;

import java.util.Map;

import asia.oncaller.TestDatabaseConfig;
import asia.oncaller.testsupport.StompTestClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Zero configuration: in demo mode two users with tokens from {@code /demo/token} call each other
 * through the demo project, whose answer_url is the built-in SCCO helper.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "oncaller.demo.enabled=true")
@Import(TestDatabaseConfig.class)
class DemoCallIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void twoDemoUsersCallEachOtherWithNoConfiguration() throws Exception {
		try (StompTestClient alice = StompTestClient.connect(this.port, token("alice"), "a1");
				StompTestClient bob = StompTestClient.connect(this.port, token("bob"), "b1")) {
			Map<String, Object> reply = alice.request("call.make",
					Map.of("fromNumber", "alice", "toNumber", "bob", "isVideoCall", true));

			assertThat(reply).containsEntry("r", 0).containsEntry("toType", "internal");
			String callId = (String) reply.get("callId");
			assertThat(bob.awaitEvent("incomingCall", callId)).containsEntry("fromNumber", "alice");
			assertThat(bob.request("call.answer", Map.of("callId", callId))).containsEntry("r", 0);
			assertThat(alice.request("call.hangup", Map.of("callId", callId))).containsEntry("r", 0);
		}
	}

	private String token(String userId) {
		Map<String, Object> body = RestClient.create("http://127.0.0.1:" + this.port)
			.get()
			.uri("/demo/token?userId=" + userId)
			.retrieve()
			.body(new ParameterizedTypeReference<>() {
			});
		return (String) body.get("accessToken");
	}

}
