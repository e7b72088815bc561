package asia.oncaller.client.internal.transport;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One connection to the server: connect with the CONNECT headers, receive the {@code authen}
 * message and every event in order, send requests. Implemented by {@link StompTransport}; tests
 * use a fake.
 */
public interface Transport {

	/**
	 * Opens the connection, subscribes to {@code /user/queue/events} and then to
	 * {@code /app/session}.
	 * @param url e.g. {@code ws://127.0.0.1:8080/ws}
	 * @param headers STOMP CONNECT headers ({@code access-token}, {@code device-id}, ...)
	 * @param listener told about everything that arrives, in order, on a transport thread
	 * @return completes when CONNECTED arrived, or exceptionally
	 */
	CompletableFuture<Void> connect(String url, Map<String, String> headers, Listener listener);

	/** Sends a JSON object to {@code destination}; false when not connected. */
	boolean send(String destination, Map<String, Object> body);

	/** Sends DISCONNECT (when connected) and closes; no {@code onClosed} follows. */
	void close();

	/** What arrives on a connection. */
	interface Listener {

		/** The {@code authen} message from {@code /app/session}. */
		void onAuthen(Map<String, Object> authen);

		/** A message from {@code /user/queue/events}. */
		void onMessage(Map<String, Object> message);

		/** An ERROR frame: {@code code} header (0 when absent) and {@code message}. */
		void onError(int code, String message);

		/** The connection closed without {@link Transport#close()}. */
		void onClosed(String reason);

	}

}
