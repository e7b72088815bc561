package asia.oncaller.media;

/**
 * G.711 (ITU-T G.711): each byte of a PCMU (µ-law) or PCMA (A-law) payload is one 8 kHz sample.
 * The media bridge cuts calls through rtpengine to these two codecs, so they are all a capture
 * holds besides telephone-events, and all a call's audio streamed to a WebSocket is made of.
 */
public final class G711 {

	/** RTP's static payload type of PCMU. */
	public static final int PCMU = 0;

	/** RTP's static payload type of PCMA. */
	public static final int PCMA = 8;

	private static final short[] ULAW = new short[256];

	private static final short[] ALAW = new short[256];

	static {
		for (int i = 0; i < 256; i++) {
			ULAW[i] = ulaw(i);
			ALAW[i] = alaw(i);
		}
	}

	private G711() {
	}

	/** The 16-bit linear sample of one byte of a payload of the given type. */
	public static short decode(int payloadType, byte sample) {
		return (payloadType == PCMU) ? ULAW[sample & 0xff] : ALAW[sample & 0xff];
	}

	/** Whether the payload type is one of the two. */
	public static boolean decodes(int payloadType) {
		return payloadType == PCMU || payloadType == PCMA;
	}

	/** One byte of a payload of the given type for a 16-bit linear sample. */
	public static byte encode(int payloadType, short sample) {
		return (payloadType == PCMU) ? ulawOf(sample) : alawOf(sample);
	}

	private static byte ulawOf(short sample) {
		int sign = (sample < 0) ? 0x80 : 0;
		// The bias makes every segment start at a power of two; 32635 keeps the sum in 15 bits.
		int magnitude = Math.min(Math.abs((int) sample), 32635) + 0x84;
		int segment = 7;
		for (int mask = 0x4000; (magnitude & mask) == 0 && segment > 0; mask >>= 1) {
			segment--;
		}
		int mantissa = (magnitude >> (segment + 3)) & 0x0f;
		return (byte) ~(sign | (segment << 4) | mantissa);
	}

	private static byte alawOf(short sample) {
		int sign = (sample >= 0) ? 0x80 : 0;
		int magnitude = Math.min(Math.abs((int) sample), 32767) >> 3;
		int segment = 0;
		while (segment < 7 && magnitude >= (32 << segment)) {
			segment++;
		}
		int mantissa = (segment == 0) ? (magnitude >> 1) & 0x0f : (magnitude >> segment) & 0x0f;
		return (byte) ((sign | (segment << 4) | mantissa) ^ 0x55);
	}

	private static short ulaw(int value) {
		int u = ~value & 0xff;
		int t = ((u & 0x0f) << 3) + 0x84;
		t <<= (u & 0x70) >> 4;
		return (short) (((u & 0x80) != 0) ? (0x84 - t) : (t - 0x84));
	}

	private static short alaw(int value) {
		int a = value ^ 0x55;
		int t = (a & 0x0f) << 4;
		int segment = (a & 0x70) >> 4;
		if (segment == 0) {
			t += 8;
		}
		else {
			t += 0x108;
			t <<= segment - 1;
		}
		return (short) (((a & 0x80) != 0) ? t : -t);
	}

}
