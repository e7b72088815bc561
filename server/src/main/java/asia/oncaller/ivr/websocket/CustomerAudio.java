package asia.oncaller.ivr.websocket;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The customer's end of a WebSocket stream. Binary messages are audio for the phone, kept in a
 * {@link PlayBuffer}; text messages are ignored (nothing is defined for them yet), and a message
 * of either kind larger than the limit closes the WebSocket with 4009. Messages are asked for
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

	private final PlayBuffer toPhone;

	private final long maxMessageBytes;

	private final CompletableFuture<String> closed = new CompletableFuture<>();

	private long messageBytes;

	private CompletableFuture<WebSocket> sending = CompletableFuture.completedFuture(null);

	private long framesDropped;

	private boolean closing;

	private int textsWaiting;

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
			socket.request(1);
		}
		return null;
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
