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
import java.util.concurrent.atomic.AtomicLong;

import asia.oncaller.testsupport.StompTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A WebSocket that speaks STOMP by hand, as an attacker's script would: it sends any frame,
 * well-formed or not, to any destination, and can stop reading altogether. It keeps the first
 * frames it receives (a bounded number) and counts the rest.
 */
final class RawStompSocket implements AutoCloseable {

	private static final int KEPT_FRAMES = 1000;

	private final LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>(KEPT_FRAMES);

	private final AtomicLong received = new AtomicLong();

	private final CompletableFuture<Integer> closed = new CompletableFuture<>();

	private final StringBuilder partial = new StringBuilder();

	private volatile boolean reading = true;

	private WebSocket socket;

	private RawStompSocket() {
	}

	static RawStompSocket open(HttpClient http, int port) throws Exception {
		RawStompSocket raw = new RawStompSocket();
		raw.socket = http.newWebSocketBuilder()
			.subprotocols("v12.stomp")
			.buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), raw.new Listener())
			.get(StompTestClient.WAIT.toSeconds(), TimeUnit.SECONDS);
		return raw;
	}

	/** Opens a WebSocket and sends CONNECT with this token; returns the answer's first line. */
	static RawStompSocket connected(HttpClient http, int port, String token, String deviceId) throws Exception {
		RawStompSocket raw = open(http, port);
		raw.send("CONNECT", "accept-version:1.2", "host:127.0.0.1", "heart-beat:0,0", "access-token:" + token,
				"device-id:" + deviceId);
		return raw;
	}

	/** Sends a frame with these {@code name:value} headers and no body. */
	void send(String command, String... headers) {
		StringBuilder frame = new StringBuilder(command).append('\n');
		for (String header : headers) {
			frame.append(header).append('\n');
		}
		sendRaw(frame.append("\n\0").toString());
	}

	/** Subscribes to its events and then its session, as every client does after CONNECTED. */
	void subscribeAsClientsDo() {
		send("SUBSCRIBE", "id:0", "destination:/user/queue/events");
		send("SUBSCRIBE", "id:1", "destination:/app/session");
	}

	/** Sends a request to {@code /app/<verb>} with this JSON body. */
	void request(String verb, String json) {
		sendRaw("SEND\ndestination:/app/" + verb + "\ncontent-type:application/json\n\n" + json + "\0");
	}

	/** Sends these characters as one WebSocket text message, whatever they are; false if closed already. */
	boolean sendRaw(String text) {
		return sent(this.socket.sendText(text, true));
	}

	/** Sends these bytes as one WebSocket binary message; false if the connection is closed already. */
	boolean sendBinary(byte[] bytes) {
		return sent(this.socket.sendBinary(ByteBuffer.wrap(bytes), true));
	}

	/** The next frame received, whole; fails when none arrives in time. */
	String next() throws InterruptedException {
		String frame = this.frames.poll(StompTestClient.WAIT.toSeconds(), TimeUnit.SECONDS);
		assertThat(frame)
			.as("a frame within %s (closed: %s, received: %d)", StompTestClient.WAIT, this.closed.getNow(null),
					this.received.get())
			.isNotNull();
		return frame;
	}

	/** The next frame other than a heart-beat, or null if none comes in time. */
	String nextFrame(Duration within) throws InterruptedException {
		long deadline = System.nanoTime() + within.toNanos();
		String frame;
		do {
			frame = this.frames.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		while (frame != null && frame.isBlank());
		return frame;
	}

	/** Waits for the server to close the connection; the frames (no heart-beats) not yet taken. */
	List<String> framesUntilClosed(Duration within) throws InterruptedException, ExecutionException {
		try {
			this.closed.get(within.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			throw new AssertionError(
					"The server did not close the connection within " + within + "; it sent " + this.frames);
		}
		List<String> all = remaining();
		all.removeIf(String::isBlank);
		return all;
	}

	/** The next frame, which must be this command. */
	String expect(String command) throws InterruptedException {
		String frame = next();
		assertThat(frame).startsWith(command + "\n");
		return frame;
	}

	/** Waits until the server has closed the WebSocket; returns the close code. */
	int awaitClosed() throws Exception {
		return this.closed.get(StompTestClient.WAIT.toSeconds(), TimeUnit.SECONDS);
	}

	/** The frames received and not yet taken. */
	List<String> remaining() {
		List<String> remaining = new ArrayList<>();
		this.frames.drainTo(remaining);
		return remaining;
	}

	boolean isClosed() {
		return this.closed.isDone();
	}

	long received() {
		return this.received.get();
	}

	/** Stops taking messages off the socket, as a stuck client does: the server's sends back up. */
	void stopReading() {
		this.reading = false;
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

	private final class Listener implements WebSocket.Listener {

		@Override
		public void onOpen(WebSocket webSocket) {
			webSocket.request(1);
		}

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			RawStompSocket.this.partial.append(data);
			if (last) {
				String frame = RawStompSocket.this.partial.toString();
				RawStompSocket.this.partial.setLength(0);
				RawStompSocket.this.received.incrementAndGet();
				RawStompSocket.this.frames.offer(frame);
			}
			if (RawStompSocket.this.reading) {
				webSocket.request(1);
			}
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
