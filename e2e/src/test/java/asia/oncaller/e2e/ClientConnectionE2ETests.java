package asia.oncaller.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import asia.oncaller.client.Authen;
import asia.oncaller.client.CallResult;
import asia.oncaller.client.ClientEvent;
import asia.oncaller.client.CustomMessage;
import asia.oncaller.client.OnCallerClient;
import asia.oncaller.client.OtherDeviceAuthen;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client against the real server without media: a refused token comes back as
 * {@code authen} with the server's code (from the STOMP ERROR frame) and is not retried; custom
 * messages reach the other user; a second device of the same user is announced by
 * {@code otherdeviceauthen}.
 */
class ClientConnectionE2ETests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	@Test
	void refusedTokenIsReportedWithTheServersCodeAndNotRetried() throws Exception {
		OnCallerClient client = new OnCallerClient(E2eServer.get().webSocketUrl());
		List<Authen> authens = new CopyOnWriteArrayList<>();
		client.on(ClientEvent.AUTHEN, authens::add);
		client.connect("not-a-jwt");
		Await.until(TIMEOUT, "authen", () -> !authens.isEmpty());
		assertThat(authens.get(0).r()).as("cannot decode").isEqualTo(2);
		assertThat(authens.get(0).message()).isNotBlank();
		// A retry would bring a second authen within the reconnect backoff; none may come.
		Awaitility.await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(4)).until(() -> authens.size() == 1);
		assertThat(client.hasConnected()).isFalse();
		client.close();
	}

	@Test
	void customMessagesAndOtherDevicesArrive() {
		try (TestUser alice = TestUser.connect("alice-msg", "alice-laptop", 440);
				TestUser bob = TestUser.connect("bob-msg", 660)) {
			CompletableFuture<CustomMessage> received = new CompletableFuture<>();
			bob.client.on(ClientEvent.CUSTOM_MESSAGE, received::complete);
			CompletableFuture<CallResult> sent = new CompletableFuture<>();
			alice.client.sendCustomMessage("bob-msg", Map.of("hello", "bob"), sent::complete);
			assertThat(CallProbe.result(sent).r()).isZero();
			Await.until(TIMEOUT, "bob's custom message", received::isDone);
			assertThat(received.join().fromUserId()).isEqualTo("alice-msg");
			assertThat(received.join().message()).containsEntry("hello", "bob");

			CompletableFuture<OtherDeviceAuthen> other = new CompletableFuture<>();
			alice.client.on(ClientEvent.OTHER_DEVICE_AUTHEN, other::complete);
			try (TestUser alicePhone = TestUser.connect("alice-msg", "alice-phone", 440)) {
				Await.until(TIMEOUT, "otherdeviceauthen", other::isDone);
				assertThat(other.join().status()).isEqualTo("connected");
				assertThat(other.join().deviceId()).isEqualTo("alice-phone");
				assertThat(other.join().platform()).isEqualTo("java");
			}
		}
	}

}
