package asia.oncaller.ivr.websocket;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customer's text messages, with no network: {@code {"event":"clear"}} drops the audio waiting
 * to play, also when it comes in fragments; anything else leaves it, and every message is followed
 * by a request for the next one, so garbage never stalls the stream.
 */
class CustomerAudioTests {

	private final PlayBuffer toPhone = new PlayBuffer(64_000);

	private final CustomerAudio customer = new CustomerAudio(this.toPhone, 65_536);

	private final Socket socket = new Socket();

	@Test
	void clearDropsTheAudioWaitingToPlay() {
		this.customer.onBinary(this.socket, ByteBuffer.wrap(new byte[6400]), true);
		this.customer.onText(this.socket, "{\"event\":\"clear\",\"reason\":\"barge-in\"}", true);
		assertThat(this.toPhone.poll(new byte[640])).isZero();
		assertThat(this.customer.cleared()).isEqualTo(6400);
		assertThat(this.socket.requested).isEqualTo(2);
	}

	@Test
	void aClearInFragmentsIsReadWhenItsLastOneIsIn() {
		this.customer.onBinary(this.socket, ByteBuffer.wrap(new byte[6400]), true);
		this.customer.onText(this.socket, "{\"event\":", false);
		assertThat(this.toPhone.poll(new byte[640])).as("not cleared by half a message").isEqualTo(640);
		this.customer.onText(this.socket, "\"clear\"}", true);
		assertThat(this.toPhone.poll(new byte[640])).isZero();
		assertThat(this.customer.cleared()).isEqualTo(5760);
	}

	@Test
	void otherTextLeavesTheAudioAndTheStreamGoesOn() {
		this.customer.onBinary(this.socket, ByteBuffer.wrap(new byte[6400]), true);
		String[] notClear = { "", "clear", "not json \u0000", "[\"clear\"]", "42", "null", "{\"event\":\"Clear\"}",
				"{\"event\":\"clear \"}", "{\"event\":[\"clear\"]}", "{\"clear\":true}", "{\"event\":\"clear\"",
				"{\"event\":\"mark\"}" };
		for (String text : notClear) {
			this.customer.onText(this.socket, text, true);
		}
		assertThat(this.customer.cleared()).isZero();
		assertThat(this.socket.requested).isEqualTo(1 + notClear.length);
		assertThat(this.customer.closed()).isNotDone();
		int left = 0;
		for (int taken = 1; taken > 0; left += taken) {
			taken = this.toPhone.poll(new byte[640]);
		}
		assertThat(left).isEqualTo(6400);
	}

	@Test
	void aTextLargerThanTheLimitClosesWithTooBigAndIsNotRead() {
		this.customer.onBinary(this.socket, ByteBuffer.wrap(new byte[640]), true);
		this.customer.onText(this.socket, "{\"event\":\"clear\",\"pad\":\"" + "x".repeat(65_536) + "\"}", true);
		assertThat(this.socket.closedWith).isEqualTo(CustomerAudio.TOO_BIG);
		assertThat(this.customer.closed()).isDone();
		assertThat(this.customer.cleared()).isZero();
	}

	/** A WebSocket that only counts what the listener asks of it. */
	private static final class Socket implements WebSocket {

		int requested;

		int closedWith;

		@Override
		public CompletableFuture<WebSocket> sendText(CharSequence data, boolean last) {
			return CompletableFuture.completedFuture(this);
		}

		@Override
		public CompletableFuture<WebSocket> sendBinary(ByteBuffer data, boolean last) {
			return CompletableFuture.completedFuture(this);
		}

		@Override
		public CompletableFuture<WebSocket> sendPing(ByteBuffer message) {
			return CompletableFuture.completedFuture(this);
		}

		@Override
		public CompletableFuture<WebSocket> sendPong(ByteBuffer message) {
			return CompletableFuture.completedFuture(this);
		}

		@Override
		public CompletableFuture<WebSocket> sendClose(int statusCode, String reason) {
			this.closedWith = statusCode;
			return CompletableFuture.completedFuture(this);
		}

		@Override
		public void request(long n) {
			this.requested += (int) n;
		}

		@Override
		public String getSubprotocol() {
			return "";
		}

		@Override
		public boolean isOutputClosed() {
			return this.closedWith != 0;
		}

		@Override
		public boolean isInputClosed() {
			return false;
		}

		@Override
		public void abort() {
		}

	}

}
