package asia.oncaller.recording;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** The 44-byte header of the 16-bit, 8 kHz PCM WAV files recordings are made as. */
public final class WavHeader {

	/** Samples a second: G.711's. */
	public static final int RATE = 8000;

	/** The header's length: the samples start there. */
	public static final int LENGTH = 44;

	private WavHeader() {
	}

	/** The header of a file of {@code channels} channels and {@code dataBytes} bytes of samples. */
	public static byte[] of(int channels, long dataBytes) {
		ByteBuffer header = ByteBuffer.allocate(LENGTH).order(ByteOrder.LITTLE_ENDIAN);
		header.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt((int) (36 + dataBytes));
		header.put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16);
		header.putShort((short) 1).putShort((short) channels).putInt(RATE).putInt(RATE * channels * 2);
		header.putShort((short) (channels * 2)).putShort((short) 16);
		header.put("data".getBytes(StandardCharsets.US_ASCII)).putInt((int) dataBytes);
		return header.array();
	}

}
