package asia.oncaller.e2e;

import asia.oncaller.client.AudioFrame;
import asia.oncaller.client.AudioSink;

/**
 * An {@link AudioSink} that measures the frequency of the tone it receives: after a warm-up it
 * records the times of upward zero crossings (interpolated between samples) over a window, and
 * the frequency is crossings per second. Also tracks the peak level. Warm-up and window are
 * times, counted in samples at the rate the frames arrive in: 48 kHz for Opus, 8 kHz for G.711
 * (phone legs).
 */
final class ToneMeter implements AudioSink {

	private final int warmupMillis;

	private final int windowMillis;

	private long warmupSamples;

	private long windowSamples;

	private long samples;

	private double firstCrossing = -1;

	private double lastCrossing = -1;

	private int crossings;

	private short previous;

	private int peak;

	private int sampleRate;

	ToneMeter(int warmupMillis, int windowMillis) {
		this.warmupMillis = warmupMillis;
		this.windowMillis = windowMillis;
	}

	@Override
	public synchronized void onAudio(AudioFrame frame) {
		if (this.sampleRate == 0) {
			this.warmupSamples = this.warmupMillis * (long) frame.sampleRate() / 1000;
			this.windowSamples = this.windowMillis * (long) frame.sampleRate() / 1000;
		}
		this.sampleRate = frame.sampleRate();
		int channels = frame.channels();
		for (int i = 0; i < frame.frames(); i++) {
			short s = frame.sample(i * channels);
			this.samples++;
			if (this.samples > this.warmupSamples && this.samples <= this.warmupSamples + this.windowSamples) {
				this.peak = Math.max(this.peak, Math.abs((int) s));
				if (this.previous < 0 && s >= 0) {
					double t = (this.samples - 1) + (double) -this.previous / (s - this.previous);
					if (this.firstCrossing < 0) {
						this.firstCrossing = t;
					}
					else {
						this.crossings++;
					}
					this.lastCrossing = t;
				}
			}
			this.previous = s;
		}
	}

	/** @return whether the window has been filled */
	synchronized boolean done() {
		return this.sampleRate != 0 && this.samples >= this.warmupSamples + this.windowSamples;
	}

	/** @return the measured frequency in Hz */
	synchronized double frequency() {
		if (this.crossings == 0) {
			return 0;
		}
		double seconds = (this.lastCrossing - this.firstCrossing) / this.sampleRate;
		return this.crossings / seconds;
	}

	synchronized int peak() {
		return this.peak;
	}

}
