package asia.oncaller.media;

import java.nio.ByteBuffer;

/**
 * RTP (RFC 3550) as a server that speaks it itself needs it (a call's audio streamed to a
 * customer's WebSocket): G.711 payloads out of packets, and packets of version 2 without CSRC or
 * extension.
 */
public final class RtpPackets {

	private RtpPackets() {
	}

	/**
	 * The samples of a PCMU or PCMA packet, or {@code null} for anything else (another payload
	 * type, not RTP version 2, headers or padding longer than the datagram).
	 */
	public static short[] g711Samples(byte[] data, int length) {
		if (length < 12 || (data[0] & 0xc0) != 0x80) {
			return null;
		}
		int payloadType = data[1] & 0x7f;
		int start = 12 + 4 * (data[0] & 0x0f);
		if ((data[0] & 0x10) != 0) {
			if (start + 4 > length) {
				return null;
			}
			start += 4 + 4 * (((data[start + 2] & 0xff) << 8) | (data[start + 3] & 0xff));
		}
		int end = ((data[0] & 0x20) != 0) ? length - (data[length - 1] & 0xff) : length;
		if (!G711.decodes(payloadType) || start >= end) {
			return null;
		}
		short[] samples = new short[end - start];
		for (int i = 0; i < samples.length; i++) {
			samples[i] = G711.decode(payloadType, data[start + i]);
		}
		return samples;
	}

	/** A packet of version 2, no CSRC, no extension. */
	public static byte[] packet(int payloadType, boolean marker, int sequence, long timestamp, int ssrc, byte[] payload) {
		return ByteBuffer.allocate(12 + payload.length)
			.put((byte) 0x80)
			.put((byte) ((marker ? 0x80 : 0) | payloadType))
			.putShort((short) sequence)
			.putInt((int) timestamp)
			.putInt(ssrc)
			.put(payload)
			.array();
	}

}
