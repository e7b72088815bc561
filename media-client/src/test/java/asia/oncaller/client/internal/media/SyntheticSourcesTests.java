package asia.oncaller.client.internal.media;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * The synthetic sources without WebRTC: the tone has its frequency and keeps its phase across
 * 10 ms blocks, PCM and WAV files loop, the test pattern moves, raw video files are read frame
 * by frame and refused when their size is not whole frames.
 */
class SyntheticSourcesTests {

	@TempDir
	Path dir;

	@Test
	void toneHasItsFrequencyAcrossBlocks() {
		AudioProducer tone = AudioProducer.tone(523.25, 0.3);
		byte[] block = new byte[tone.blockBytes()];
		assertThat(block).hasSize(960);
		int crossings = 0;
		short previous = 0;
		double first = -1;
		double last = 0;
		for (int b = 0; b < 200; b++) { // 2 s
			tone.next(block);
			for (int i = 0; i < 480; i++) {
				short s = (short) ((block[2 * i] & 0xff) | (block[2 * i + 1] << 8));
				long n = b * 480L + i;
				if (previous < 0 && s >= 0) {
					double t = (n - 1) + (double) -previous / (s - previous);
					if (first < 0) {
						first = t;
					}
					else {
						crossings++;
					}
					last = t;
				}
				previous = s;
			}
		}
		assertThat(crossings / ((last - first) / 48000)).isCloseTo(523.25, org.assertj.core.data.Offset.offset(0.05));
	}

	@Test
	void wavFileIsReadAndLooped() throws Exception {
		byte[] samples = { 1, 0, 2, 0, 3, 0 };
		Path wav = this.dir.resolve("a.wav");
		Files.write(wav, wav(8000, 1, samples));
		PcmFile file = PcmFile.wav(wav);
		assertThat(file.sampleRate()).isEqualTo(8000);
		assertThat(file.channels()).isEqualTo(1);
		byte[] block = new byte[file.blockBytes()];
		file.next(block);
		assertThat(block).startsWith(1, 0, 2, 0, 3, 0, 1, 0, 2, 0);
	}

	@Test
	void nonPcmWavIsRefused() throws Exception {
		Path notWav = this.dir.resolve("b.wav");
		Files.write(notWav, new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13 });
		assertThatIOException().isThrownBy(() -> PcmFile.wav(notWav));
	}

	@Test
	void testPatternMoves() {
		TestPattern pattern = new TestPattern(640, 480);
		VideoProducer.Planes first = planes(640, 480);
		VideoProducer.Planes second = planes(640, 480);
		pattern.fill(first);
		pattern.fill(second);
		assertThat(first.y().array()).isNotEqualTo(second.y().array());
		assertThat(first.y().get(0) & 0xff).isEqualTo(235); // white bar at the left edge of frame 0
	}

	@Test
	void rawVideoFileIsReadFrameByFrame() throws Exception {
		Path raw = this.dir.resolve("v.yuv");
		byte[] frames = new byte[2 * 6];
		for (int i = 0; i < frames.length; i++) {
			frames[i] = (byte) i;
		}
		Files.write(raw, frames); // two 2x2 I420 frames: 4 Y + 1 U + 1 V each
		try (RawVideoFile file = new RawVideoFile(raw, 2, 2)) {
			VideoProducer.Planes p = planes(2, 2);
			file.fill(p);
			file.fill(p);
			assertThat(p.y().get(0)).isEqualTo((byte) 6);
			assertThat(p.u().get(0)).isEqualTo((byte) 10);
			file.fill(p);
			assertThat(p.y().get(0)).as("looped").isEqualTo((byte) 0);
		}
		Files.write(raw, new byte[7]);
		assertThatIOException().isThrownBy(() -> new RawVideoFile(raw, 2, 2));
	}

	private static VideoProducer.Planes planes(int w, int h) {
		int cw = (w + 1) / 2;
		int ch = (h + 1) / 2;
		return new VideoProducer.Planes(ByteBuffer.allocate(w * h), w, ByteBuffer.allocate(cw * ch), cw,
				ByteBuffer.allocate(cw * ch), cw);
	}

	private static byte[] wav(int rate, int channels, byte[] data) {
		ByteBuffer b = ByteBuffer.allocate(44 + data.length).order(ByteOrder.LITTLE_ENDIAN);
		b.putInt(0x46464952).putInt(36 + data.length).putInt(0x45564157);
		b.putInt(0x20746d66).putInt(16).putShort((short) 1).putShort((short) channels).putInt(rate)
			.putInt(rate * channels * 2).putShort((short) (channels * 2)).putShort((short) 16);
		b.putInt(0x61746164).putInt(data.length).put(data);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(b.array());
		return out.toByteArray();
	}

}
