package asia.oncaller.client.internal.media;

/**
 * Produces 10 ms blocks of signed 16-bit little-endian PCM for a {@code CustomAudioSource}. Called
 * from one pump thread only.
 */
interface AudioProducer {

	int sampleRate();

	int channels();

	/** @return bytes in one 10 ms block */
	default int blockBytes() {
		return sampleRate() / 100 * channels() * 2;
	}

	/** Fills {@code block} ({@link #blockBytes()} long) with the next 10 ms. */
	void next(byte[] block);

	/** A 10 ms sine generator that keeps its phase across blocks. */
	static AudioProducer tone(double frequency, double amplitude) {
		return new AudioProducer() {

			private double phase;

			private final double step = 2 * Math.PI * frequency / 48000;

			@Override
			public int sampleRate() {
				return 48000;
			}

			@Override
			public int channels() {
				return 1;
			}

			@Override
			public void next(byte[] block) {
				double scale = amplitude * Short.MAX_VALUE;
				for (int i = 0; i < block.length / 2; i++) {
					short v = (short) Math.round(scale * Math.sin(this.phase));
					block[2 * i] = (byte) v;
					block[2 * i + 1] = (byte) (v >> 8);
					this.phase += this.step;
					if (this.phase > 2 * Math.PI) {
						this.phase -= 2 * Math.PI;
					}
				}
			}

		};
	}

	/** Digital silence at 48 kHz mono. */
	static AudioProducer silence() {
		return new AudioProducer() {

			@Override
			public int sampleRate() {
				return 48000;
			}

			@Override
			public int channels() {
				return 1;
			}

			@Override
			public void next(byte[] block) {
				java.util.Arrays.fill(block, (byte) 0);
			}

		};
	}

}
