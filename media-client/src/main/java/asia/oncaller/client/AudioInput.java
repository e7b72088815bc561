package asia.oncaller.client;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a call's outgoing audio comes from.
 *
 * <pre>{@code
 * AudioInput.auto()                      // the microphone when there is one, else a 440 Hz tone (default)
 * AudioInput.microphone("USB")           // the first capture device whose name contains "USB"
 * AudioInput.tone(523.25)                // a sine at 523.25 Hz
 * AudioInput.pcmFile(path, 48000, 1)     // raw signed 16-bit little-endian PCM, looped
 * AudioInput.wavFile(path)               // a 16-bit PCM WAV file, looped
 * AudioInput.silence()
 * }</pre>
 */
public sealed interface AudioInput
		permits AudioInput.Auto, AudioInput.Microphone, AudioInput.Tone, AudioInput.PcmFile, AudioInput.Silence {

	/** @return the microphone when one is present, else a 440 Hz tone */
	static AudioInput auto() {
		return new Auto(440);
	}

	/** @return the default microphone; without one the call sends silence and reports error 1000 */
	static AudioInput microphone() {
		return new Microphone(null);
	}

	/**
	 * @param name part of the device's name (case-insensitive) or its exact descriptor
	 * @return that microphone; without it the call sends silence and reports error 1000
	 */
	static AudioInput microphone(String name) {
		return new Microphone(Objects.requireNonNull(name, "name"));
	}

	/**
	 * @param frequency in Hz, 20 to 20000
	 * @return a sine at 0.3 of full scale
	 */
	static AudioInput tone(double frequency) {
		return new Tone(frequency, 0.3);
	}

	/**
	 * @param path raw signed 16-bit little-endian samples, interleaved
	 * @param sampleRate e.g. 48000 (a multiple of 100)
	 * @param channels 1 or 2
	 * @return the file, played in a loop
	 */
	static AudioInput pcmFile(Path path, int sampleRate, int channels) {
		return new PcmFile(path, sampleRate, channels, false);
	}

	/**
	 * @param path a 16-bit PCM WAV file
	 * @return the file, played in a loop
	 */
	static AudioInput wavFile(Path path) {
		return new PcmFile(path, 0, 0, true);
	}

	/** @return digital silence */
	static AudioInput silence() {
		return new Silence();
	}

	/**
	 * The microphone if present, else a tone.
	 *
	 * @param fallbackFrequency the tone's frequency
	 */
	record Auto(double fallbackFrequency) implements AudioInput {
	}

	/**
	 * A capture device.
	 *
	 * @param name part of its name or its descriptor; {@code null} for the default
	 */
	record Microphone(String name) implements AudioInput {
	}

	/**
	 * A sine tone.
	 *
	 * @param frequency Hz
	 * @param amplitude 0 to 1 of full scale
	 */
	record Tone(double frequency, double amplitude) implements AudioInput {

		/** Checks the frequency (20–20000 Hz) and the amplitude (0–1). */
		public Tone {
			if (!(frequency >= 20 && frequency <= 20000) || !(amplitude >= 0 && amplitude <= 1)) {
				throw new IllegalArgumentException("Tone needs 20-20000 Hz and amplitude 0-1");
			}
		}

	}

	/**
	 * A PCM file played in a loop.
	 *
	 * @param path the file
	 * @param sampleRate for raw files; 0 for WAV (read from the header)
	 * @param channels for raw files; 0 for WAV
	 * @param wav whether the file has a WAV header
	 */
	record PcmFile(Path path, int sampleRate, int channels, boolean wav) implements AudioInput {

		/** Checks the path, and the rate and channels of a raw file. */
		public PcmFile {
			Objects.requireNonNull(path, "path");
			if (!wav && (sampleRate < 8000 || sampleRate % 100 != 0 || channels < 1 || channels > 2)) {
				throw new IllegalArgumentException("Raw PCM needs a sample rate that is a multiple of 100 and 1 or 2 channels");
			}
		}

	}

	/** Silence. */
	record Silence() implements AudioInput {
	}

}
