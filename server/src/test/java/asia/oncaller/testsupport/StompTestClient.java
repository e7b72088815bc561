package asia.oncaller.testsupport;

import java.io.IOException;
import java.lang.reflect.Type;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;
import org.awaitility.Awaitility;

import org.springframework.messaging.converter.ByteArrayMessageConverter;
import org.springframework.messaging.converter.CompositeMessageConverter;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.converter.StringMessageConverter;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.WebSocketClient;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/**
 * A real STOMP 1.2 client over a real WebSocket, as an app would use the server: connects with
 * a token, subscribes to its events and its session, sends requests with a {@code requestId}
 * and waits for the matching reply or for events.
 */
public final class StompTestClient implements AutoCloseable {

	/** How long a client waits for a message before the test fails. */
	public static final Duration WAIT = Duration.ofSeconds(10);

	private final LinkedBlockingQueue<Map<String, Object>> messages;

	private final List<Map<String, Object>> seen = new ArrayList<>();

	private final StompSession session;

	private final WebSocketStompClient client;

	private final SessionKeepingClient socket;

	private final Map<String, Object> authen;

	private StompTestClient(WebSocketStompClient client, SessionKeepingClient socket, StompSession session,
			LinkedBlockingQueue<Map<String, Object>> messages, Map<String, Object> authen) {
		this.client = client;
		this.socket = socket;
		this.messages = messages;
		this.session = session;
		this.authen = authen;
	}

	/** Connects, subscribes to {@code /user/queue/events} and reads the authen message. */
	public static StompTestClient connect(int port, String token, String deviceId) throws Exception {
		return connect(port, token, deviceId, null);
	}

	/**
	 * Connects as {@link #connect(int, String, String)} does, with a {@code resume-token} header
	 * when one is given (PROTOCOL §2.1).
	 */
	public static StompTestClient connect(int port, String token, String deviceId, String resumeToken)
			throws Exception {
		SessionKeepingClient socket = new SessionKeepingClient();
		WebSocketStompClient client = newClient(socket);
		LinkedBlockingQueue<Map<String, Object>> events = new LinkedBlockingQueue<>();
		StompHeaders headers = connectHeaders(token, deviceId);
		if (resumeToken != null) {
			headers.add("resume-token", resumeToken);
		}
		StompSession session = client
			.connectAsync("ws://127.0.0.1:" + port + "/ws", new WebSocketHttpHeaders(), headers,
					new StompSessionHandlerAdapter() {
					})
			.get(WAIT.toSeconds(), TimeUnit.SECONDS);
		session.subscribe("/user/queue/events", handler(events));
		LinkedBlockingQueue<Map<String, Object>> authen = new LinkedBlockingQueue<>();
		session.subscribe("/app/session", handler(authen));
		Map<String, Object> authenMessage = authen.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
		return new StompTestClient(client, socket, session, events, authenMessage);
	}

	/** Tries to connect with a token the server should refuse; returns the ERROR frame's headers. */
	public static StompHeaders refusedConnect(int port, String token) throws Exception {
		WebSocketStompClient client = newClient(new SessionKeepingClient());
		CompletableFuture<StompHeaders> error = new CompletableFuture<>();
		client.connectAsync("ws://127.0.0.1:" + port + "/ws", new WebSocketHttpHeaders(), connectHeaders(token, "d1"),
				new StompSessionHandlerAdapter() {
					@Override
					public void handleFrame(StompHeaders headers, Object payload) {
						error.complete(headers);
					}
				});
		try {
			return error.get(WAIT.toSeconds(), TimeUnit.SECONDS);
		}
		finally {
			client.stop();
		}
	}

	/** The authen message the server sent on {@code /app/session} after CONNECT. */
	public Map<String, Object> authen() {
		return this.authen;
	}

	/** This connection's id, from the authen message. */
	public String connectionId() {
		return (String) this.authen.get("connectionId");
	}

	/** Whether the STOMP session is still open. */
	public boolean isConnected() {
		return this.session.isConnected();
	}

	/** Sends a request and waits for its reply. */
	public Map<String, Object> request(String verb, Map<String, Object> body) throws InterruptedException {
		String requestId = UUID.randomUUID().toString();
		Map<String, Object> withId = new LinkedHashMap<>(body);
		withId.put("requestId", requestId);
		send(verb, withId);
		return await((m) -> "reply".equals(m.get("type")) && requestId.equals(m.get("requestId")));
	}

	/** Sends a frame as is, with no request id added. */
	public void send(String verb, Object body) {
		StompHeaders headers = new StompHeaders();
		headers.setDestination("/app/" + verb);
		// Raw bytes go as they are (to send malformed JSON); anything else as JSON.
		headers.setContentType((body instanceof byte[]) ? MimeTypeUtils.APPLICATION_OCTET_STREAM
				: MimeTypeUtils.APPLICATION_JSON);
		this.session.send(headers, body);
	}

	/**
	 * Sends a body as it is and waits for the reply with this {@code requestId} ({@code null}
	 * when the body carries none), sending it again while the reply is r=12: a fuzz test wants
	 * the server's answer to the body, not to the request rate.
	 */
	public Map<String, Object> replyPastRateLimit(String verb, byte[] body, String requestId) {
		return Awaitility.await()
			.atMost(WAIT)
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> {
				send(verb, body);
				return await((m) -> "reply".equals(m.get("type")) && Objects.equals(requestId, m.get("requestId")));
			}, (reply) -> !Integer.valueOf(12).equals(reply.get("r")));
	}

	/** Waits for the first message of this type for this call not yet consumed. */
	public Map<String, Object> awaitEvent(String type, String callId) throws InterruptedException {
		return await((m) -> type.equals(m.get("type")) && (callId == null || callId.equals(m.get("callId"))));
	}

	/** Waits for the first message not yet consumed that matches; fails after {@link #WAIT}. */
	public Map<String, Object> await(Predicate<Map<String, Object>> matching) throws InterruptedException {
		synchronized (this.seen) {
			for (Map<String, Object> message : this.seen) {
				if (matching.test(message)) {
					this.seen.remove(message);
					return message;
				}
			}
		}
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (System.nanoTime() < deadline) {
			Map<String, Object> message = this.messages.poll(100, TimeUnit.MILLISECONDS);
			if (message == null) {
				continue;
			}
			if (matching.test(message)) {
				return message;
			}
			synchronized (this.seen) {
				this.seen.add(message);
			}
		}
		throw new AssertionError("No matching message within " + WAIT + "; unconsumed: " + unconsumed());
	}

	/** Whether a matching message arrives within the given time (consumes it if so). */
	public boolean receives(Predicate<Map<String, Object>> matching, Duration within) throws InterruptedException {
		long deadline = System.nanoTime() + within.toNanos();
		while (System.nanoTime() < deadline) {
			Map<String, Object> message = this.messages.poll(50, TimeUnit.MILLISECONDS);
			if (message != null) {
				if (matching.test(message)) {
					return true;
				}
				synchronized (this.seen) {
					this.seen.add(message);
				}
			}
		}
		synchronized (this.seen) {
			return this.seen.stream().anyMatch(matching);
		}
	}

	/** Every message received and not yet consumed by a wait (they stay unconsumed). */
	public List<Map<String, Object>> unconsumed() {
		List<Map<String, Object>> all = new ArrayList<>();
		synchronized (this.seen) {
			all.addAll(this.seen);
		}
		this.messages.drainTo(all);
		synchronized (this.seen) {
			this.seen.addAll(all);
		}
		return all;
	}

	@Override
	public void close() {
		if (this.session.isConnected()) {
			this.session.disconnect();
		}
		this.client.stop();
	}

	/**
	 * Closes the WebSocket without a STOMP DISCONNECT, as a device whose network went away: the
	 * server keeps its calls for the resume window (PROTOCOL §2.1).
	 */
	public void drop() throws IOException {
		this.socket.session.close(CloseStatus.GOING_AWAY);
		this.client.stop();
	}

	private static WebSocketStompClient newClient(SessionKeepingClient socket) {
		WebSocketStompClient client = new WebSocketStompClient(socket);
		client.setMessageConverter(new CompositeMessageConverter(List.of(new StringMessageConverter(),
				new ByteArrayMessageConverter(), new JacksonJsonMessageConverter())));
		ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
		scheduler.initialize();
		client.setTaskScheduler(scheduler);
		client.setDefaultHeartbeat(new long[] { 10000, 10000 });
		return client;
	}

	private static StompHeaders connectHeaders(String token, String deviceId) {
		StompHeaders headers = new StompHeaders();
		if (token != null) {
			headers.add("access-token", token);
		}
		headers.add("device-id", deviceId);
		headers.add("platform", "java");
		headers.add("sdk-version", "test");
		return headers;
	}

	@SuppressWarnings("unchecked")
	private static StompFrameHandler handler(LinkedBlockingQueue<Map<String, Object>> queue) {
		return new StompFrameHandler() {
			@Override
			public Type getPayloadType(StompHeaders headers) {
				return Map.class;
			}

			@Override
			public void handleFrame(StompHeaders headers, Object payload) {
				queue.add((Map<String, Object>) payload);
			}
		};
	}

	/**
	 * A WebSocket client that keeps the session it opened, so that a test can drop it. Its
	 * buffers take a whole 64 KB frame: the server in the same JVM sets Tomcat's default buffer
	 * to 1 KB (TomcatConnectionBuffers), which would close the client on any larger message.
	 */
	private static final class SessionKeepingClient implements WebSocketClient {

		private static final int MAX_FRAME_BYTES = 64 * 1024;

		private final StandardWebSocketClient delegate = new StandardWebSocketClient(container());

		private volatile WebSocketSession session;

		@Override
		public CompletableFuture<WebSocketSession> execute(WebSocketHandler handler, String uriTemplate,
				Object... uriVariables) {
			return keep(this.delegate.execute(handler, uriTemplate, uriVariables));
		}

		@Override
		public CompletableFuture<WebSocketSession> execute(WebSocketHandler handler, WebSocketHttpHeaders headers,
				URI uri) {
			return keep(this.delegate.execute(handler, headers, uri));
		}

		private static WebSocketContainer container() {
			WebSocketContainer container = ContainerProvider.getWebSocketContainer();
			container.setDefaultMaxTextMessageBufferSize(MAX_FRAME_BYTES);
			container.setDefaultMaxBinaryMessageBufferSize(MAX_FRAME_BYTES);
			return container;
		}

		private CompletableFuture<WebSocketSession> keep(CompletableFuture<WebSocketSession> opening) {
			return opening.thenApply((opened) -> {
				this.session = opened;
				return opened;
			});
		}

	}

}
