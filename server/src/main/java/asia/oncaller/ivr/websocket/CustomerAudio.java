package asia.oncaller.ivr.websocket;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The customer's end of a WebSocket stream. Binary messages are audio for the phone, kept in a
 * {@link PlayBuffer}; a text message {@code {"event":"clear"}} drops what of it has not played yet,
 * any other text (unknown events, not JSON) is ignored, and a message of either kind larger than
 * the limit closes the WebSocket with 4009. Messages are asked for
 * one at a time and handled at once, so a flood holds no more than the buffer. Going the other
 * way, the phone's audio is sent one frame at a time: a frame that finds the previous one still
 * being sent (a customer that reads too slowly) is dropped rather than queued; the caller's digits
 * go as text messages in order with the audio.
 */
final class CustomerAudio implements WebSocket.Listener {

	/**
	 * The message is too big to process: RFC 6455's 1009 in the private range (4000-4999), since
	 * the JDK's client may only send 1000 or a code of that range.
	 */
	static final int TOO_BIG = 4009;

	private static final int TEXTS_WAITING = 64;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final PlayBuffer toPhone;

	private final long maxMessageBytes;

	private final CompletableFuture<String> closed = new CompletableFuture<>();

	private long messageBytes;

	private CompletableFuture<WebSocket> sending = CompletableFuture.completedFuture(null);

	private long framesDropped;

	private boolean closing;

	private int textsWaiting;

	/** The text message being received, when it comes in parts: no longer than the limit. */
	private final StringBuilder text = new StringBuilder();

	/** Written by the WebSocket's thread only, read when the stream ends. */
	private volatile long cleared;

	CustomerAudio(PlayBuffer toPhone, long maxMessageBytes) {
		this.toPhone = toPhone;
		this.maxMessageBytes = maxMessageBytes;
	}

	/** Completes with why the WebSocket closed: the customer's close, a failure or a bound. */
	CompletableFuture<String> closed() {
		return this.closed;
	}

	@Override
	public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
		if (fits(socket, data.remaining(), last)) {
			this.toPhone.offer(data);
			socket.request(1);
		}
		return null;
	}

	@Override
	public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
		if (fits(socket, data.length(), last)) {
			this.text.append(data);
			if (last) {
				command(this.text.toString());
				this.text.setLength(0);
			}
			socket.request(1);
		}
		return null;
	}

	/** Carries out a customer's text message: {@code clear}, the one event defined; others are ignored. */
	private void command(String message) {
		String event;
		try {
			event = JSON.readTree(message).path("event").asString("");
		}
		catch (JacksonException ex) {
			return;
		}
		if ("clear".equals(event)) {
			this.cleared += this.toPhone.clear();
		}
	}

	/** Bytes of the customer's audio dropped by its {@code clear} messages. */
	long cleared() {
		return this.cleared;
	}

	@Override
	public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
		this.closed.complete("closed by the customer (" + statusCode + ")");
		return null;
	}

	@Override
	public void onError(WebSocket socket, Throwable error) {
		this.closed.complete("failed: " + error);
	}

	/** Whether the message so far is within the limit; else the WebSocket is closed. */
	private boolean fits(WebSocket socket, int bytes, boolean last) {
		this.messageBytes += bytes;
		if (this.messageBytes > this.maxMessageBytes) {
			// No more is read; the runner lets go of the connection if the customer does not close.
			close(socket, TOO_BIG, "message too big");
			this.closed.complete("a message larger than " + this.maxMessageBytes + " bytes");
			return false;
		}
		if (last) {
			this.messageBytes = 0;
		}
		return true;
	}

	/** Sends the close message, once whoever asks first. */
	synchronized void close(WebSocket socket, int statusCode, String reason) {
		if (!this.closing && !socket.isOutputClosed()) {
			this.closing = true;
			socket.sendClose(statusCode, reason);
		}
	}

	/** The first message: who and what the stream is for. */
	synchronized void start(WebSocket socket, String json) {
		this.sending = socket.sendText(json, true);
	}

	/**
	 * A text message after whatever is being sent (a digit the caller pressed). At most
	 * {@link #TEXTS_WAITING} wait for a customer that reads too slowly; more are dropped.
	 */
	synchronized void tell(WebSocket socket, String json) {
		if (this.textsWaiting >= TEXTS_WAITING) {
			return;
		}
		this.textsWaiting++;
		this.sending = this.sending.exceptionally((failure) -> socket)
			.thenCompose((sent) -> socket.sendText(json, true))
			.whenComplete((sent, failure) -> textSent());
	}

	private synchronized void textSent() {
		this.textsWaiting--;
	}

	/** One frame of the phone's audio, unless the previous one is still being sent. */
	synchronized void send(WebSocket socket, byte[] frame) {
		if (!this.sending.isDone()) {
			this.framesDropped++;
			return;
		}
		this.sending = socket.sendBinary(ByteBuffer.wrap(frame), true);
	}

	/** Frames of the phone's audio dropped because the customer read too slowly. */
	synchronized long framesDropped() {
		return this.framesDropped;
	}

}
