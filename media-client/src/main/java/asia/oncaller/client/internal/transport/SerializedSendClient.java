package asia.oncaller.client.internal.transport;

import java.net.URI;
import java.util.concurrent.CompletableFuture;

import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.WebSocketClient;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;

/**
 * A {@link WebSocketClient} whose sessions serialize their sends. The STOMP client writes from two
 * threads (the SDK's and its heart-beat timer), and a JSR-356 basic remote endpoint refuses a
 * second message while one is being written; {@link ConcurrentWebSocketSessionDecorator} queues it.
 */
final class SerializedSendClient implements WebSocketClient {

	private static final int SEND_TIME_LIMIT_MS = 10_000;

	private static final int BUFFER_LIMIT_BYTES = 1024 * 1024;

	private final WebSocketClient delegate;

	SerializedSendClient(WebSocketClient delegate) {
		this.delegate = delegate;
	}

	@Override
	public CompletableFuture<WebSocketSession> execute(WebSocketHandler handler, String uriTemplate,
			Object... uriVariables) {
		return this.delegate.execute(wrap(handler), uriTemplate, uriVariables);
	}

	@Override
	public CompletableFuture<WebSocketSession> execute(WebSocketHandler handler, WebSocketHttpHeaders headers,
			URI uri) {
		return this.delegate.execute(wrap(handler), headers, uri);
	}

	private static WebSocketHandler wrap(WebSocketHandler handler) {
		return new WebSocketHandlerDecorator(handler) {

			@Override
			public void afterConnectionEstablished(WebSocketSession session) throws Exception {
				super.afterConnectionEstablished(
						new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MS, BUFFER_LIMIT_BYTES));
			}

		};
	}

}
