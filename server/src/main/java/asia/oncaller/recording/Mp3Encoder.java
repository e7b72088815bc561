package asia.oncaller.recording;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * MP3 through LAME (Debian's {@code lame}), the encoder every MP3 tool is built on: no Java
 * encoder as well kept exists. One process per recording, with a time limit, its output to a file
 * of the server's choosing; its own messages go nowhere.
 */
final class Mp3Encoder {

	private final String lame;

	private final Duration timeout;

	Mp3Encoder(String lame, Duration timeout) {
		this.lame = lame;
		this.timeout = timeout;
	}

	/**
	 * Encodes the WAV file into an MP3 file (32 kbit/s per channel: telephone audio at 8 kHz).
	 * @throws IOException when LAME is missing, fails or takes too long; no MP3 is left then
	 */
	void encode(Path wav, Path mp3, boolean stereo) throws IOException {
		Process process = new ProcessBuilder(List.of(this.lame, "--quiet", "-b", stereo ? "64" : "32",
				wav.toAbsolutePath().toString(), mp3.toAbsolutePath().toString()))
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
			.start();
		try {
			if (!process.waitFor(this.timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
				throw new IOException("lame took longer than " + this.timeout);
			}
			if (process.exitValue() != 0) {
				throw new IOException("lame exited with " + process.exitValue());
			}
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted encoding an MP3", ex);
		}
		catch (IOException ex) {
			Files.deleteIfExists(mp3);
			throw ex;
		}
	}

}
