package asia.oncaller.ivr.websocket;

import java.nio.ByteBuffer;

import asia.oncaller.media.G711;

/** RTP (RFC 3550) as this stream needs it: G.711 payloads only. */
final class RtpPackets {

	private RtpPackets() {
	}

	/** The samples of a PCMU or PCMA packet, or {@code null} for anything else. */
	static short[] g711Samples(byte[] data, int length) {
		if (length < 12 || (data[0] & 0xc0) != 0x80) {
			return null;
		}
		int payloadType = data[1] & 0x7f;
		int start = 12 + 4 * (data[0] & 0x0f);
		if ((data[0] & 0x10) != 0 && start + 4 <= length) {
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

	static byte[] packet(int payloadType, boolean marker, int sequence, long timestamp, int ssrc, byte[] payload) {
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
