package asia.oncaller.ivr.websocket;

import java.nio.ByteBuffer;

/**
 * The customer's audio waiting to be played, a bounded ring of bytes: what comes while it is
 * full is dropped, so a customer sending faster than real time holds no more memory than the
 * bound. Written by the WebSocket's thread, read every 20 ms by the pacer.
 */
final class PlayBuffer {

	private final byte[] ring;

	private int start;

	private int size;

	private long dropped;

	PlayBuffer(int capacity) {
		this.ring = new byte[capacity];
	}

	/** Keeps what fits of the data (all of it is consumed). */
	synchronized void offer(ByteBuffer data) {
		while (data.hasRemaining() && this.size < this.ring.length) {
			int end = (this.start + this.size) % this.ring.length;
			int count = Math.min(data.remaining(), Math.min(this.ring.length - this.size, this.ring.length - end));
			data.get(this.ring, end, count);
			this.size += count;
		}
		this.dropped += data.remaining();
		data.position(data.limit());
	}

	/**
	 * Takes up to {@code frame.length} bytes into the frame, whole pairs of 16 kHz samples only
	 * (a customer's odd-sized message must not shift the samples by a byte).
	 * @return how many it took, 0 when nothing waits
	 */
	synchronized int poll(byte[] frame) {
		int count = Math.min(frame.length, this.size) & ~3;
		for (int i = 0; i < count; i++) {
			frame[i] = this.ring[(this.start + i) % this.ring.length];
		}
		this.start = (this.start + count) % this.ring.length;
		this.size -= count;
		return count;
	}

	/**
	 * Drops everything waiting to be played, so what the customer sends next plays at once (its
	 * bot stops talking when the caller barges in). What the pacer took already, one 20 ms frame
	 * at most, still plays.
	 * @return how many bytes it dropped
	 */
	synchronized int clear() {
		int cleared = this.size;
		this.start = 0;
		this.size = 0;
		return cleared;
	}

	/** How many bytes were dropped for want of room. */
	synchronized long dropped() {
		return this.dropped;
	}

}
