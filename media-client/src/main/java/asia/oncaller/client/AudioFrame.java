package asia.oncaller.client;

/**
 * 10 ms of decoded remote audio, as PCM.
 *
 * @param data interleaved samples in the platform's byte order (little-endian on x86 and ARM);
 * the array belongs to the receiver
 * @param bitsPerSample 16
 * @param sampleRate e.g. 48000
 * @param channels 1 or 2
 * @param frames samples per channel
 */
public record AudioFrame(byte[] data, int bitsPerSample, int sampleRate, int channels, int frames) {

	/**
	 * @param index sample index, interleaved (0 to {@code frames*channels-1})
	 * @return the 16-bit sample
	 */
	public short sample(int index) {
		return (short) ((this.data[2 * index] & 0xff) | (this.data[2 * index + 1] << 8));
	}

}
