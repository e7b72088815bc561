package asia.oncaller.recording;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import asia.oncaller.media.TestTones;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * MP3 recordings through the real LAME (Debian's {@code lame}, which .ci/run installs): a tone's
 * WAV becomes a much smaller MP3 that LAME decodes back to the same tone; a missing encoder or
 * one that takes too long fails with an IOException and leaves no MP3 behind.
 */
class Mp3EncoderTests {

	@Test
	void encodesAToneThatDecodesBackToTheSameTone(@TempDir Path dir) throws Exception {
		Path wav = wav(dir.resolve("tone.wav"), TestTones.tone(440, 8000 * 3));
		Path mp3 = dir.resolve("tone.mp3");

		new Mp3Encoder("lame", Duration.ofSeconds(30)).encode(wav, mp3, false);

		assertThat(Files.size(mp3)).as("32 kbit/s for 3 s").isBetween(6_000L, 20_000L);
		Path decoded = dir.resolve("decoded.wav");
		Process lame = new ProcessBuilder(List.of("lame", "--quiet", "--decode", mp3.toString(), decoded.toString()))
			.redirectErrorStream(true)
			.start();
		assertThat(lame.waitFor()).isZero();
		try (AudioInputStream in = AudioSystem.getAudioInputStream(decoded.toFile())) {
			ByteBuffer bytes = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
			short[] samples = new short[bytes.remaining() / 2];
			bytes.asShortBuffer().get(samples);
			assertThat(in.getFormat().getSampleRate()).isEqualTo(8000f);
			assertThat(TestTones.share(samples, 8000, 1600, 440)).isGreaterThan(0.9);
		}
	}

	@Test
	void aMissingEncoderFailsAndLeavesNoMp3(@TempDir Path dir) throws Exception {
		Path wav = wav(dir.resolve("tone.wav"), TestTones.tone(440, 800));
		Path mp3 = dir.resolve("tone.mp3");
		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> new Mp3Encoder("/nonexistent/lame", Duration.ofSeconds(5)).encode(wav, mp3, false));
		assertThat(mp3).doesNotExist();
	}

	@Test
	void anEncoderThatTakesTooLongIsStopped(@TempDir Path dir) throws Exception {
		Path wav = wav(dir.resolve("long.wav"), TestTones.tone(440, 8000 * 600));
		Path mp3 = dir.resolve("long.mp3");
		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> new Mp3Encoder("lame", Duration.ofMillis(1)).encode(wav, mp3, false))
			.withMessageContaining("took longer");
		assertThat(mp3).doesNotExist();
	}

	private static Path wav(Path file, short[] samples) throws IOException {
		ByteBuffer bytes = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
		for (short sample : samples) {
			bytes.putShort(sample);
		}
		AudioFormat format = new AudioFormat(8000, 16, 1, true, false);
		try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(bytes.array()), format,
				samples.length)) {
			AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
		}
		return file;
	}

}
