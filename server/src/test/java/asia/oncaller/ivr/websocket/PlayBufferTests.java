package asia.oncaller.ivr.websocket;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customer's audio waiting to be played: bounded whatever the customer sends, in order
 * across the ring's end, taken in whole pairs of 16 kHz samples, and dropped at once by a clear.
 */
class PlayBufferTests {

	@Test
	void keepsNoMoreThanItsCapacityAndCountsWhatItDropped() {
		PlayBuffer buffer = new PlayBuffer(1000);
		for (int i = 0; i < 100; i++) {
			buffer.offer(ByteBuffer.wrap(new byte[640]));
		}
		assertThat(buffer.dropped()).isEqualTo(64_000 - 1000);
		byte[] frame = new byte[640];
		assertThat(buffer.poll(frame)).isEqualTo(640);
		assertThat(buffer.poll(frame)).isEqualTo(360);
		assertThat(buffer.poll(frame)).isZero();
	}

	@Test
	void givesTheBytesBackInOrderAcrossTheEndOfTheRing() {
		PlayBuffer buffer = new PlayBuffer(12);
		byte[] frame = new byte[8];
		buffer.offer(ByteBuffer.wrap(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 }));
		assertThat(buffer.poll(frame)).isEqualTo(8);
		buffer.offer(ByteBuffer.wrap(new byte[] { 9, 10, 11, 12, 13, 14, 15, 16, 17, 18 }));
		assertThat(buffer.poll(frame)).isEqualTo(8);
		assertThat(frame).containsExactly(9, 10, 11, 12, 13, 14, 15, 16);
	}

	@Test
	void takesWholePairsOfSamplesOnly() {
		PlayBuffer buffer = new PlayBuffer(100);
		buffer.offer(ByteBuffer.wrap(new byte[7]));
		byte[] frame = new byte[640];
		assertThat(buffer.poll(frame)).isEqualTo(4);
		assertThat(buffer.poll(frame)).isZero();
		buffer.offer(ByteBuffer.wrap(new byte[1]));
		assertThat(buffer.poll(frame)).isEqualTo(4);
	}

	@Test
	void clearDropsWhatWaitsAndWhatComesNextPlaysAtOnce() {
		PlayBuffer buffer = new PlayBuffer(12);
		byte[] frame = new byte[4];
		buffer.offer(ByteBuffer.wrap(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }));
		assertThat(buffer.poll(frame)).isEqualTo(4);
		assertThat(buffer.clear()).isEqualTo(6);
		assertThat(buffer.poll(frame)).isZero();
		// Across the ring's end: the new audio starts where nothing of the old one is left.
		buffer.offer(ByteBuffer.wrap(new byte[] { 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32 }));
		assertThat(buffer.poll(frame)).isEqualTo(4);
		assertThat(frame).containsExactly(21, 22, 23, 24);
		assertThat(buffer.clear()).isEqualTo(8);
		assertThat(buffer.dropped()).isZero();
	}

	@Test
	void clearMakesRoomForAudioThatAFullBufferWouldHaveDropped() {
		PlayBuffer buffer = new PlayBuffer(8);
		buffer.offer(ByteBuffer.wrap(new byte[8]));
		buffer.clear();
		buffer.offer(ByteBuffer.wrap(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 }));
		byte[] frame = new byte[8];
		assertThat(buffer.poll(frame)).isEqualTo(8);
		assertThat(frame).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
		assertThat(buffer.dropped()).isZero();
		assertThat(buffer.clear()).isZero();
	}

}
