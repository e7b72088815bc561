package asia.oncaller.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import asia.oncaller.client.internal.signaling.Signaling;
import asia.oncaller.client.internal.transport.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inside of an {@link OnCallerClient}: it runs the connection, routes the server's events to
 * the client's handlers or to the call they are about, and ends the calls when the session does.
 * The public class only delegates here; this class never calls it back. It hands it to listeners
 * as the events' source, and gets the public objects of incoming calls from a factory the
 * public class gives it.
 */
final class ClientRuntime implements Connection.Listener {

	private static final Logger log = LoggerFactory.getLogger(ClientRuntime.class);

	final ClientSession session;

	final EventHandlers<OnCallerClient, OnCallerClientListener> handlers;

	final Connection connection;

	private final Function<IncomingCall, CallRuntime> incomingCalls;

	/**
	 * @param client the public client, handed to listeners
	 * @param servers the WebSocket endpoints, tried in turn
	 * @param transports a new transport for each connection attempt
	 * @param requestTimeout how long a reply may take
	 * @param incomingCalls makes the call (with its public object) for an {@code incomingCall}
	 */
	ClientRuntime(OnCallerClient client, List<String> servers, Supplier<Transport> transports, Duration requestTimeout,
			Function<IncomingCall, CallRuntime> incomingCalls) {
		EventThread events = new EventThread();
		this.session = new ClientSession(events, new Signaling(events::post, requestTimeout, this::onEvent));
		this.handlers = new EventHandlers<>(client);
		CallResumer resumer = new CallResumer(this.session, (reason) -> emit(ClientEvent.RECONNECTING, reason),
				() -> emit(ClientEvent.RECONNECTED, null));
		this.connection = new Connection(this.session, servers, transports, this, resumer);
		this.incomingCalls = incomingCalls;
	}

	void connect(String accessToken) {
		this.session.events.post(() -> this.connection.start(accessToken));
	}

	CompletableFuture<Void> disconnect() {
		CompletableFuture<Void> done = new CompletableFuture<>();
		this.session.events.post(() -> {
			List<CompletableFuture<Void>> hangups = new ArrayList<>();
			this.session.calls.live().forEach((call) -> hangups.add(call.endForDisconnect()));
			CompletableFuture.allOf(hangups.toArray(CompletableFuture[]::new))
				.completeOnTimeout(null, 3, TimeUnit.SECONDS)
				.whenComplete((v, ex) -> this.session.events.post(() -> {
					this.connection.stop("disconnect() called");
					done.complete(null);
				}));
		});
		return done;
	}

	void close() {
		CompletableFuture<Void> done = disconnect().whenComplete((v, ex) -> this.session.events.shutdown());
		if (!EventThread.isCurrent()) {
			try {
				done.get(5, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				log.debug("close() did not finish within 5 s: {}", ex.toString());
				this.session.events.shutdown();
			}
		}
	}

	void sendCustomMessage(String toUserId, Map<String, Object> message, Consumer<CallResult> callback) {
		this.session.events.post(() -> {
			if (toUserId == null || toUserId.isBlank() || message == null) {
				Replies.reply(callback, CallResult.of(OnCallerError.INVALID_ARGUMENT, "toUserId and message are required"));
				return;
			}
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("toUserId", toUserId);
			body.put("message", message);
			this.session.signaling.request("message.custom", body)
				.whenComplete((reply, ex) -> Replies.reply(callback, Replies.result(reply, ex)));
		});
	}

	// ---- what the connection tells

	@Override
	public void connected(String url) {
		emit(ClientEvent.CONNECT, url);
	}

	@Override
	public void authen(Authen authen) {
		if (authen.isSuccess()) {
			this.session.authenticated(authen);
		}
		emit(ClientEvent.AUTHEN, authen);
	}

	@Override
	public void requestNewToken(Authen authen) {
		emit(ClientEvent.REQUEST_NEW_TOKEN, authen);
	}

	@Override
	public void lost(String reason) {
		this.session.unauthenticated();
		this.session.calls.live().forEach((call) -> call.connectionLost(reason));
	}

	@Override
	public void disconnected(String reason) {
		emit(ClientEvent.DISCONNECT, reason);
	}

	// ---- the server's events

	private <T> void emit(ClientEvent<T> event, T payload) {
		this.handlers.emit(event.name(), payload, (listener, client) -> event.deliver(listener, client, payload));
	}

	private void onEvent(Map<String, Object> message) {
		String type = String.valueOf(message.get("type"));
		switch (type) {
			case "incomingCall" -> incomingCall(message);
			case "customMessage" -> emit(ClientEvent.CUSTOM_MESSAGE, new CustomMessage(String.valueOf(message.get("fromUserId")),
					(message.get("message") instanceof Map<?, ?> m) ? castMap(m) : Map.of()));
			case "otherDeviceAuthen" -> emit(ClientEvent.OTHER_DEVICE_AUTHEN, new OtherDeviceAuthen(
					(String) message.get("status"), (String) message.get("connectionId"), (String) message.get("deviceId"),
					(String) message.get("platform")));
			default -> {
				CallRuntime call = this.session.calls.byId((String) message.get("callId"));
				if (call != null) {
					if (call.firstTime(message.get("seq"))) { // else a replay after a resume
						ServerEvents.apply(call, type, message);
					}
				}
				else {
					log.debug("No call for {}", message);
				}
			}
		}
	}

	private void incomingCall(Map<String, Object> message) {
		IncomingCall incoming = IncomingCall.of(message);
		if (incoming.callId() == null || this.session.calls.byId(incoming.callId()) != null) {
			return;
		}
		CallRuntime call = this.incomingCalls.apply(incoming);
		call.firstTime(message.get("seq"));
		this.session.calls.register(call);
		emit(ClientEvent.INCOMING_CALL, call.handlers.source());
		call.startIncomingMedia();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> castMap(Map<?, ?> map) {
		return (Map<String, Object>) map;
	}

}
