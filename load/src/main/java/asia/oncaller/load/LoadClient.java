package asia.oncaller.load;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/**
 * One app user's STOMP connection, as the SDKs make it: requests matched to replies by
 * {@code requestId}, and incoming calls matched by call id with the time they arrived.
 */
final class LoadClient implements AutoCloseable {

	private final StompSession session;

	private final Map<String, CompletableFuture<Map<String, Object>>> replies = new ConcurrentHashMap<>();

	private final Map<String, CompletableFuture<Long>> incomingCalls = new ConcurrentHashMap<>();

	private volatile Consumer<Map<String, Object>> listener = (event) -> {
	};

	private LoadClient(StompSession session) {
		this.session = session;
	}

	static LoadClient connect(WebSocketStompClient stomp, String wsUrl, String token, String deviceId)
			throws Exception {
		StompHeaders headers = new StompHeaders();
		headers.add("access-token", token);
		headers.add("device-id", deviceId);
		headers.add("platform", "java");
		StompSession session = stomp
			.connectAsync(wsUrl, new WebSocketHttpHeaders(), headers, new StompSessionHandlerAdapter() {
			})
			.get(10, TimeUnit.SECONDS);
		LoadClient client = new LoadClient(session);
		session.subscribe("/user/queue/events", client.eventHandler());
		CompletableFuture<Object> authen = new CompletableFuture<>();
		session.subscribe("/app/session", new MapHandler((message) -> authen.complete(message)));
		authen.get(10, TimeUnit.SECONDS);
		return client;
	}

	/** Sends a request and returns its reply. */
	CompletableFuture<Map<String, Object>> request(String verb, Map<String, Object> body) {
		CompletableFuture<Map<String, Object>> reply = new CompletableFuture<>();
		sendWithReply(verb, body, reply);
		return reply;
	}

	/** Completes with {@link System#nanoTime()} at the moment {@code incomingCall} for the call arrived. */
	CompletableFuture<Long> incomingCall(String callId) {
		return this.incomingCalls.computeIfAbsent(callId, (id) -> new CompletableFuture<>());
	}

	/**
	 * Sends a frame that the server answers only on failure (PROTOCOL §3.1), such as
	 * {@code call.sdp}, and completes with that failure's reply, or with {@code null} when none
	 * came within {@code window}.
	 */
	CompletableFuture<Map<String, Object>> sendWatched(String verb, Map<String, Object> body, Duration window) {
		CompletableFuture<Map<String, Object>> refusal = new CompletableFuture<>();
		String requestId = sendWithReply(verb, body, refusal);
		// No reply is the success case: its slot is dropped once the window has passed.
		return refusal.completeOnTimeout(null, window.toMillis(), TimeUnit.MILLISECONDS)
			.whenComplete((reply, failure) -> this.replies.remove(requestId));
	}

	/** Sends the frame with a new requestId, whose reply completes {@code reply}; returns the id. */
	private String sendWithReply(String verb, Map<String, Object> body, CompletableFuture<Map<String, Object>> reply) {
		String requestId = UUID.randomUUID().toString();
		this.replies.put(requestId, reply);
		Map<String, Object> frame = new LinkedHashMap<>(body);
		frame.put("requestId", requestId);
		this.session.send("/app/" + verb, frame);
		return requestId;
	}

	/** Sends a frame that the server answers only on failure (PROTOCOL §3.1), such as {@code call.sdp}. */
	void send(String verb, Map<String, Object> body) {
		this.session.send("/app/" + verb, body);
	}

	/** Hands every event but replies to the listener, on the connection's thread, after the built-in matching. */
	void onEvent(Consumer<Map<String, Object>> listener) {
		this.listener = listener;
	}

	void forget(String callId) {
		this.incomingCalls.remove(callId);
	}

	@Override
	public void close() {
		if (this.session.isConnected()) {
			this.session.disconnect();
		}
	}

	static WebSocketStompClient newStompClient() {
		WebSocketStompClient stomp = new WebSocketStompClient(
				new StandardWebSocketClient());
		stomp.setMessageConverter(new JacksonJsonMessageConverter());
		return stomp;
	}


	private StompFrameHandler eventHandler() {
		return new MapHandler((message) -> {
			long arrived = System.nanoTime();
			Object type = message.get("type");
			if ("reply".equals(type)) {
				CompletableFuture<Map<String, Object>> reply = this.replies.remove(message.get("requestId"));
				if (reply != null) {
					reply.complete(message);
				}
			}
			else {
				if ("incomingCall".equals(type)) {
					incomingCall((String) message.get("callId")).complete(arrived);
				}
				this.listener.accept(message);
			}
		});
	}

	private static final class MapHandler implements StompFrameHandler {

		private final Consumer<Map<String, Object>> consumer;

		MapHandler(Consumer<Map<String, Object>> consumer) {
			this.consumer = consumer;
		}

		@Override
		public Type getPayloadType(StompHeaders headers) {
			return Map.class;
		}

		@Override
		@SuppressWarnings("unchecked")
		public void handleFrame(StompHeaders headers, Object payload) {
			this.consumer.accept((Map<String, Object>) payload);
		}

	}

}
