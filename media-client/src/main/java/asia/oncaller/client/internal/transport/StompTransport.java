package asia.oncaller.client.internal.transport;

import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.messaging.converter.CompositeMessageConverter;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.converter.StringMessageConverter;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/**
 * {@link Transport} on Spring's {@link WebSocketStompClient} and the JSR-356 client of Tomcat.
 * Heart-beats are 10000,10000 like the server's; their scheduler uses daemon threads and is shut
 * down with {@link #close()}, so a JVM whose client is closed can exit.
 */
public final class StompTransport implements Transport {

	private static final Logger log = LoggerFactory.getLogger(StompTransport.class);

	/**
	 * The largest frame the server takes, and so the largest it relays. Set on this client's own
	 * container rather than taken from Tomcat's JVM-wide default, which is only 8 KB and which a
	 * server in the same JVM lowers further for its idle connections.
	 */
	private static final int MAX_FRAME_BYTES = 64 * 1024;

	private final ThreadPoolTaskScheduler heartbeats = new ThreadPoolTaskScheduler();

	private final WebSocketStompClient stomp;

	private volatile StompSession session;

	private final AtomicBoolean closedByUs = new AtomicBoolean();

	public StompTransport() {
		this.heartbeats.setDaemon(true);
		this.heartbeats.setThreadNamePrefix("oncaller-heartbeat-");
		this.heartbeats.setPoolSize(1);
		this.heartbeats.initialize();
		WebSocketContainer container = ContainerProvider.getWebSocketContainer();
		container.setDefaultMaxTextMessageBufferSize(MAX_FRAME_BYTES);
		container.setDefaultMaxBinaryMessageBufferSize(MAX_FRAME_BYTES);
		this.stomp = new WebSocketStompClient(new SerializedSendClient(new StandardWebSocketClient(container)));
		this.stomp.setInboundMessageSizeLimit(MAX_FRAME_BYTES);
		// JSON for the subscriptions; plain text for the body of an ERROR frame
		this.stomp.setMessageConverter(
				new CompositeMessageConverter(List.of(new StringMessageConverter(), new JacksonJsonMessageConverter())));
		this.stomp.setTaskScheduler(this.heartbeats);
		this.stomp.setDefaultHeartbeat(new long[] { 10000, 10000 });
	}

	@Override
	public CompletableFuture<Void> connect(String url, Map<String, String> headers, Listener listener) {
		StompHeaders connect = new StompHeaders();
		headers.forEach(connect::add);
		this.closedByUs.set(false);
		CompletableFuture<Void> connected = new CompletableFuture<>();
		this.stomp.connectAsync(url, new WebSocketHttpHeaders(), connect, new Handler(listener, connected))
			.whenComplete((s, ex) -> {
				if (ex != null) {
					connected.completeExceptionally(ex);
				}
			});
		return connected;
	}

	@Override
	public boolean send(String destination, Map<String, Object> body) {
		StompSession current = this.session;
		if (current == null || !current.isConnected()) {
			return false;
		}
		try {
			current.send(destination, body);
			return true;
		}
		catch (RuntimeException ex) {
			log.debug("Sending to {} failed: {}", destination, ex.toString());
			return false;
		}
	}

	/** Also stops the heart-beat timer: a transport serves one connection. */
	@Override
	public void close() {
		this.closedByUs.set(true);
		StompSession current = this.session;
		this.session = null;
		if (current != null && current.isConnected()) {
			try {
				current.disconnect();
			}
			catch (RuntimeException ex) {
				log.debug("DISCONNECT failed: {}", ex.toString());
			}
		}
		this.heartbeats.shutdown();
	}

	private final class Handler extends StompSessionHandlerAdapter {

		private final Listener listener;

		private final CompletableFuture<Void> connected;

		private final AtomicBoolean ended = new AtomicBoolean();

		Handler(Listener listener, CompletableFuture<Void> connected) {
			this.listener = listener;
			this.connected = connected;
		}

		@Override
		public void afterConnected(StompSession stompSession, StompHeaders headers) {
			StompTransport.this.session = stompSession;
			stompSession.subscribe("/user/queue/events", new JsonHandler(this.listener::onMessage));
			stompSession.subscribe("/app/session", new JsonHandler(this.listener::onAuthen));
			this.connected.complete(null);
		}

		@Override
		public Type getPayloadType(StompHeaders headers) {
			return String.class;
		}

		@Override
		public void handleFrame(StompHeaders headers, Object payload) {
			// Only ERROR frames reach the session handler.
			error(headers, payload);
		}

		private void error(StompHeaders headers, Object payload) {
			String code = headers.getFirst("code");
			String message = headers.getFirst("message");
			int parsed = 0;
			try {
				parsed = (code != null) ? Integer.parseInt(code.trim()) : 0;
			}
			catch (NumberFormatException ex) {
				// keep 0
			}
			this.listener.onError(parsed, (message != null) ? message : String.valueOf(payload));
		}

		@Override
		public void handleException(StompSession s, StompCommand command, StompHeaders headers, byte[] payload,
				Throwable exception) {
			if (command == StompCommand.ERROR) { // a body the converters could not read: the headers say enough
				error(headers, null);
				return;
			}
			log.warn("A {} frame could not be handled: {}", command, exception.toString());
		}

		@Override
		public void handleTransportError(StompSession s, Throwable exception) {
			boolean wasConnected = this.connected.isDone() && !this.connected.isCompletedExceptionally();
			this.connected.completeExceptionally(exception);
			if (wasConnected && !StompTransport.this.closedByUs.get() && this.ended.compareAndSet(false, true)) {
				StompTransport.this.session = null;
				this.listener.onClosed(exception.getMessage() != null ? exception.getMessage() : exception.toString());
			}
		}

	}

	private static final class JsonHandler implements StompFrameHandler {

		private final java.util.function.Consumer<Map<String, Object>> consumer;

		JsonHandler(java.util.function.Consumer<Map<String, Object>> consumer) {
			this.consumer = consumer;
		}

		@Override
		public Type getPayloadType(StompHeaders headers) {
			return Map.class;
		}

		@Override
		@SuppressWarnings("unchecked")
		public void handleFrame(StompHeaders headers, Object payload) {
			if (payload instanceof Map<?, ?> map) {
				this.consumer.accept((Map<String, Object>) map);
			}
		}

	}

}
