package asia.oncaller.client.internal.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A PCM file read into memory and played in a loop: raw signed 16-bit little-endian samples, or a
 * WAV file of them (its {@code fmt } and {@code data} chunks).
 */
final class PcmFile implements AudioProducer {

	/** Larger files are refused rather than read into memory. */
	static final long MAX_BYTES = 64L * 1024 * 1024;

	private final byte[] samples;

	private final int sampleRate;

	private final int channels;

	private int position;

	PcmFile(byte[] samples, int sampleRate, int channels) {
		if (samples.length < 2 * channels) {
			throw new IllegalArgumentException("the file has no samples");
		}
		this.samples = samples;
		this.sampleRate = sampleRate;
		this.channels = channels;
	}

	static PcmFile raw(Path path, int sampleRate, int channels) throws IOException {
		return new PcmFile(read(path), sampleRate, channels);
	}

	static PcmFile wav(Path path) throws IOException {
		ByteBuffer in = ByteBuffer.wrap(read(path)).order(ByteOrder.LITTLE_ENDIAN);
		if (in.remaining() < 12 || in.getInt(0) != 0x46464952 || in.getInt(8) != 0x45564157) { // "RIFF", "WAVE"
			throw new IOException("not a RIFF/WAVE file");
		}
		in.position(12);
		int rate = 0;
		int channels = 0;
		while (in.remaining() >= 8) {
			int id = in.getInt();
			int size = in.getInt();
			if (size < 0 || size > in.remaining()) {
				size = in.remaining();
			}
			if (id == 0x20746d66) { // "fmt "
				int format = in.getShort(in.position()) & 0xffff;
				channels = in.getShort(in.position() + 2);
				rate = in.getInt(in.position() + 4);
				int bits = in.getShort(in.position() + 14);
				if (format != 1 || bits != 16) {
					throw new IOException("only 16-bit integer PCM WAV files are supported");
				}
			}
			else if (id == 0x61746164) { // "data"
				if (rate % 100 != 0 || channels < 1 || channels > 2) {
					throw new IOException("WAV must be 1 or 2 channels at a multiple of 100 Hz");
				}
				byte[] data = new byte[size];
				in.get(data);
				return new PcmFile(data, rate, channels);
			}
			in.position(in.position() + size + (size & 1));
		}
		throw new IOException("no data chunk");
	}

	private static byte[] read(Path path) throws IOException {
		if (Files.size(path) > MAX_BYTES) {
			throw new IOException("larger than " + MAX_BYTES + " bytes");
		}
		return Files.readAllBytes(path);
	}

	@Override
	public int sampleRate() {
		return this.sampleRate;
	}

	@Override
	public int channels() {
		return this.channels;
	}

	@Override
	public void next(byte[] block) {
		int filled = 0;
		int usable = this.samples.length - this.samples.length % (2 * this.channels);
		while (filled < block.length) {
			int n = Math.min(block.length - filled, usable - this.position);
			System.arraycopy(this.samples, this.position, block, filled, n);
			filled += n;
			this.position = (this.position + n) % usable;
		}
	}

}
