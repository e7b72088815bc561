package asia.oncaller.ivr.websocket;

/**
 * The customer's audio format, 16-bit little-endian linear PCM at 16 kHz, against the phone's
 * 8 kHz samples: twice the samples one way (each new sample after the midpoint from the one
 * before, so consecutive packets join without a click), every two averaged the other (a crude
 * low-pass, enough for speech below 4 kHz).
 */
final class L16Audio {

	/** 16,000 samples of 2 bytes a second. */
	static final int BYTES_PER_MILLI = 32;

	/** 20 ms at 16 kHz: what one RTP packet of 160 phone samples becomes. */
	static final int FRAME_BYTES = 20 * BYTES_PER_MILLI;

	private short previous;

	/** The phone's 8 kHz samples as L16 at 16 kHz. */
	byte[] from8k(short[] samples) {
		byte[] l16 = new byte[samples.length * 4];
		for (int i = 0; i < samples.length; i++) {
			put(l16, 2 * i, (short) ((this.previous + samples[i]) / 2));
			put(l16, 2 * i + 1, samples[i]);
			this.previous = samples[i];
		}
		return l16;
	}

	/** L16 at 16 kHz (an even number of bytes) as 8 kHz samples. */
	static short[] to8k(byte[] l16, int length) {
		short[] samples = new short[length / 4];
		for (int i = 0; i < samples.length; i++) {
			samples[i] = (short) ((get(l16, 2 * i * 2) + get(l16, (2 * i + 1) * 2)) / 2);
		}
		return samples;
	}

	private static void put(byte[] l16, int sample, short value) {
		l16[2 * sample] = (byte) value;
		l16[2 * sample + 1] = (byte) (value >> 8);
	}

	private static short get(byte[] l16, int at) {
		return (short) ((l16[at] & 0xff) | (l16[at + 1] << 8));
	}

}
