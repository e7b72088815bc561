package asia.oncaller.recording;

/**
 * G.711 decoding (ITU-T G.711): each byte of a PCMU (µ-law) or PCMA (A-law) payload is one 8 kHz
 * sample. The media bridge cuts calls through rtpengine to these two codecs, so they are all a
 * capture holds besides telephone-events.
 */
final class G711 {

	/** RTP's static payload type of PCMU. */
	static final int PCMU = 0;

	/** RTP's static payload type of PCMA. */
	static final int PCMA = 8;

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
	static short decode(int payloadType, byte sample) {
		return (payloadType == PCMU) ? ULAW[sample & 0xff] : ALAW[sample & 0xff];
	}

	static boolean decodes(int payloadType) {
		return payloadType == PCMU || payloadType == PCMA;
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
