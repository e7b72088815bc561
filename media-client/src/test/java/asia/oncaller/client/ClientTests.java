package asia.oncaller.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link OnCallerClient} on a fake transport: CONNECT headers, {@code authen} and its refusal
 * codes, the token hook after an expired token, reconnection after a lost connection (which, from
 * a server without resume, ends the client's calls; {@link ResumeTests} has the rest), custom
 * messages, replies before events, and event-name checks.
 */
class ClientTests {

	@Test
	void connectSendsTheProtocolHeadersAndFiresConnectThenAuthen() {
		ClientTestSupport support = new ClientTestSupport();
		List<String> events = new CopyOnWriteArrayList<>();
		support.client.setDeviceId("laptop-1");
		support.client.on("connect", (url) -> events.add("connect " + url));
		support.client.on(ClientEvent.AUTHEN, (a) -> events.add("authen " + a.r() + " " + a.userId()));
		support.connected("alice");
		ClientTestSupport.await("connect", () -> events.size() == 2);
		assertThat(support.transport().connectHeaders).containsEntry("access-token", "alice")
			.containsEntry("device-id", "laptop-1")
			.containsEntry("platform", "java")
			.containsKey("sdk-version");
		assertThat(events).containsExactlyInAnyOrder("authen 0 alice", "connect ws://127.0.0.1:1/ws");
		assertThat(support.client.hasConnected()).isTrue();
		assertThat(support.client.getUserId()).isEqualTo("alice");
		support.client.close();
	}

	@Test
	void expiredTokenFiresRequestNewTokenAndTheHookSuppliesTheNextOne() {
		ClientTestSupport support = new ClientTestSupport(6);
		List<Integer> authens = new CopyOnWriteArrayList<>();
		CompletableFuture<Authen> requestNewToken = new CompletableFuture<>();
		support.client.on(ClientEvent.AUTHEN, (a) -> authens.add(a.r()));
		support.client.on(ClientEvent.REQUEST_NEW_TOKEN, requestNewToken::complete);
		support.client.setBeforeConnect((current) -> (current == null || current.equals("old")) ? "old-then-new" : current);
		support.client.connect("old");
		assertThat(ClientTestSupport.get(requestNewToken).r()).isEqualTo(6);
		ClientTestSupport.await("reconnected", () -> authens.contains(0));
		assertThat(authens).containsExactly(6, 0);
		assertThat(support.transports).hasSize(2);
		assertThat(support.transport().connectHeaders).containsEntry("access-token", "old-then-new");
		support.client.close();
	}

	@Test
	void refusedTokenWithoutHookStopsTrying() throws Exception {
		ClientTestSupport support = new ClientTestSupport(5);
		CompletableFuture<Authen> authen = new CompletableFuture<>();
		support.client.on(ClientEvent.AUTHEN, authen::complete);
		support.client.connect("bad");
		assertThat(ClientTestSupport.get(authen).r()).isEqualTo(5);
		// A retry would open a second transport within the first backoff; none may come.
		Awaitility.await()
			.during(Duration.ofMillis(1500))
			.atMost(Duration.ofSeconds(3))
			.until(() -> support.transports.size() == 1);
		assertThat(support.client.hasConnected()).isFalse();
		support.client.close();
	}

	@Test
	void serverErrorOnConnectKeepsTryingUntilTheServerIsBack() {
		ClientTestSupport support = new ClientTestSupport(13);
		List<Integer> authens = new CopyOnWriteArrayList<>();
		support.client.on(ClientEvent.AUTHEN, (a) -> authens.add(a.r()));
		support.client.connect("alice");
		ClientTestSupport.await("reconnected after back-off", () -> authens.contains(0));
		assertThat(authens).containsExactly(13, 0);
		assertThat(support.transports).hasSize(2);
		assertThat(support.client.hasConnected()).isTrue();
		support.client.close();
	}

	@Test
	void lostConnectionEndsCallsAndReconnects() {
		ClientTestSupport support = new ClientTestSupport().connected("alice");
		OnCallerCall call = new OnCallerCall(support.client, "alice", "bob", false);
		call.runtime.callId = "call-9";
		call.runtime.state = CallState.ANSWERED;
		support.register(call);
		CompletableFuture<SignalingState> ended = new CompletableFuture<>();
		call.on(CallEvent.SIGNALING_STATE, ended::complete);
		CompletableFuture<String> disconnect = new CompletableFuture<>();
		support.client.on(ClientEvent.DISCONNECT, (reason) -> disconnect.complete(reason));
		support.transport().listener.onClosed("network down");
		assertThat(ClientTestSupport.get(disconnect)).isEqualTo("network down");
		assertThat(ClientTestSupport.get(ended).code()).isEqualTo(6);
		assertThat(ClientTestSupport.get(ended).reason()).isEqualTo("Connection lost");
		assertThat(call.isEnded()).isTrue();
		ClientTestSupport.await("reconnected after back-off", () -> support.transports.size() == 2 && support.client.hasConnected());
		support.client.close();
	}

	@Test
	void replyIsHandledBeforeTheEventsItCaused() {
		ClientTestSupport support = new ClientTestSupport().connected("alice");
		OnCallerCall call = new OnCallerCall(support.client, "alice", "bob", false);
		call.runtime.callId = "call-7";
		call.runtime.state = CallState.RINGING;
		support.register(call);
		List<String> order = new CopyOnWriteArrayList<>();
		call.on(CallEvent.INFO, (info) -> order.add("event"));
		call.sendInfo(Map.of("k", 1), (r) -> order.add("reply " + r.r()));
		ClientTestSupport.await("sent", () -> support.transport().sentTo("call.info"));
		support.transport().reply("call.info", 0);
		support.transport().deliver(Map.of("type", "info", "callId", "call-7", "info", Map.of("k", 2)));
		ClientTestSupport.await("both", () -> order.size() == 2);
		assertThat(order).containsExactly("reply 0", "event");
		support.client.close();
	}

	@Test
	void customMessagesGoOutAndComeIn() {
		ClientTestSupport support = new ClientTestSupport().connected("alice");
		CompletableFuture<CustomMessage> received = new CompletableFuture<>();
		support.client.on(ClientEvent.CUSTOM_MESSAGE, received::complete);
		CompletableFuture<CallResult> sent = new CompletableFuture<>();
		support.client.sendCustomMessage("bob", Map.of("hello", "bob"), sent::complete);
		ClientTestSupport.await("sent", () -> support.transport().sentTo("message.custom"));
		assertThat(support.transport().sent.get(0)).containsEntry("toUserId", "bob");
		support.transport().reply("message.custom", 5);
		assertThat(ClientTestSupport.get(sent).r()).isEqualTo(5);
		support.transport().deliver(Map.of("type", "customMessage", "fromUserId", "carol", "message", Map.of("x", 1)));
		assertThat(ClientTestSupport.get(received).fromUserId()).isEqualTo("carol");
		support.client.close();
	}

	@Test
	void unansweredRequestTimesOutWith1006() {
		ClientTestSupport support = new ClientTestSupport().connected("alice");
		CompletableFuture<CallResult> sent = new CompletableFuture<>();
		support.client.sendCustomMessage("bob", Map.of(), sent::complete);
		assertThat(ClientTestSupport.get(sent).r()).isEqualTo(OnCallerError.REQUEST_TIMEOUT.code());
		support.client.close();
	}

	@Test
	void verbsBeforeConnectingReport1004() {
		ClientTestSupport support = new ClientTestSupport();
		CompletableFuture<CallResult> result = new CompletableFuture<>();
		new OnCallerCall(support.client, "alice", "bob", false).makeCall(result::complete);
		assertThat(ClientTestSupport.get(result).r()).isEqualTo(OnCallerError.NOT_CONNECTED.code());
		support.client.close();
	}

	@Test
	void unknownEventNamesAreRefused() {
		ClientTestSupport support = new ClientTestSupport();
		assertThatIllegalArgumentException().isThrownBy(() -> support.client.on("incomingCall", (x) -> {
		}));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new OnCallerCall(support.client, "a", "b", false).on("mediaState", (x) -> {
			}));
		support.client.close();
	}

	@Test
	void serverAddressesBecomeWebSocketUrls() {
		assertThat(OnCallerClient.webSocketUrl("http://127.0.0.1:8080")).isEqualTo("ws://127.0.0.1:8080/ws");
		assertThat(OnCallerClient.webSocketUrl("https://oncaller.example/")).isEqualTo("wss://oncaller.example/ws");
		assertThat(OnCallerClient.webSocketUrl("ws://h:1/custom")).isEqualTo("ws://h:1/custom");
	}

}
