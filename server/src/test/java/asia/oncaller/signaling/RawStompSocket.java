package asia.oncaller.signaling;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A WebSocket to {@code /ws} that speaks no STOMP of its own, so that a test can send broken
 * frames as they are, text or binary, and see every frame the server answers and whether it
 * closed the connection.
 */
final class RawStompSocket implements AutoCloseable {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private final LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();

	private final CompletableFuture<Integer> closed = new CompletableFuture<>();

	private final WebSocket socket;

	private RawStompSocket(int port) throws Exception {
		this.socket = HTTP.newWebSocketBuilder()
			.subprotocols("v12.stomp")
			.buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), new Collector())
			.get(StompTestClient.WAIT.toSeconds(), TimeUnit.SECONDS);
	}

	static RawStompSocket open(int port) throws Exception {
		return new RawStompSocket(port);
	}

	/** Sends a text message; false if the connection is closed already. */
	boolean sendText(String text) {
		return sent(this.socket.sendText(text, true));
	}

	/** Sends a binary message; false if the connection is closed already. */
	boolean sendBinary(byte[] bytes) {
		return sent(this.socket.sendBinary(ByteBuffer.wrap(bytes), true));
	}

	/** The next frame the server sends (heart-beats left out), or null if none comes in time. */
	String nextFrame(Duration within) throws InterruptedException {
		long deadline = System.nanoTime() + within.toNanos();
		String frame;
		do {
			frame = this.frames.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		while (frame != null && frame.isBlank());
		return frame;
	}

	/** Waits for the server to close the connection; the frames it sent and no one read yet. */
	List<String> framesUntilClosed(Duration within) throws InterruptedException, ExecutionException {
		try {
			this.closed.get(within.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			throw new AssertionError("The server did not close the connection within " + within + "; it sent "
					+ this.frames);
		}
		List<String> all = new ArrayList<>();
		this.frames.drainTo(all);
		all.removeIf(String::isBlank);
		return all;
	}

	@Override
	public void close() {
		this.socket.abort();
	}

	private boolean sent(CompletableFuture<WebSocket> sending) {
		try {
			sending.get(StompTestClient.WAIT.toSeconds(), TimeUnit.SECONDS);
			return true;
		}
		catch (ExecutionException ex) {
			return false;
		}
		catch (InterruptedException | TimeoutException ex) {
			throw new AssertionError("Could not send within " + StompTestClient.WAIT, ex);
		}
	}

	/** Puts whole text messages in the queue and completes {@code closed} on close or error. */
	private final class Collector implements WebSocket.Listener {

		private final StringBuilder partial = new StringBuilder();

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.partial.append(data);
			if (last) {
				RawStompSocket.this.frames.add(this.partial.toString());
				this.partial.setLength(0);
			}
			webSocket.request(1);
			return null;
		}

		@Override
		public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
			webSocket.request(1);
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			RawStompSocket.this.closed.complete(statusCode);
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			RawStompSocket.this.closed.complete(-1);
		}

	}

}
