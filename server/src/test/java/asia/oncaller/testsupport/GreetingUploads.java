package asia.oncaller.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Greeting files for tests: a sine tone as a WAV or MP3 file, and its upload over the real REST API. */
public final class GreetingUploads {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private GreetingUploads() {
	}

	/** A mono 16-bit 8 kHz WAV file of a sine tone at half full scale. */
	public static byte[] toneWav(int hertz, int millis) {
		int samples = 8 * millis;
		ByteBuffer wav = ByteBuffer.allocate(44 + 2 * samples).order(ByteOrder.LITTLE_ENDIAN);
		wav.put("RIFF".getBytes()).putInt(36 + 2 * samples).put("WAVE".getBytes());
		wav.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(8000).putInt(16000)
			.putShort((short) 2).putShort((short) 16);
		wav.put("data".getBytes()).putInt(2 * samples);
		for (int i = 0; i < samples; i++) {
			wav.putShort((short) (16000 * Math.sin(2 * Math.PI * hertz * i / 8000.0)));
		}
		return wav.array();
	}

	/** The same tone as an MP3 file, encoded by Debian's {@code lame} (which CI installs). */
	public static byte[] toneMp3(int hertz, int millis) {
		try {
			Path wav = Files.createTempFile("tone-", ".wav");
			Path mp3 = Files.createTempFile("tone-", ".mp3");
			try {
				Files.write(wav, toneWav(hertz, millis));
				Process lame = new ProcessBuilder("lame", "--quiet", wav.toString(), mp3.toString())
					.redirectErrorStream(true)
					.start();
				if (!lame.waitFor(30, TimeUnit.SECONDS) || lame.exitValue() != 0) {
					lame.destroyForcibly();
					throw new IllegalStateException("lame did not encode the tone: " + new String(lame.getInputStream().readAllBytes()));
				}
				return Files.readAllBytes(mp3);
			}
			finally {
				Files.deleteIfExists(wav);
				Files.deleteIfExists(mp3);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Uploads a greeting file (MP3 when its name ends {@code .mp3}, WAV otherwise) as the account
	 * (or project) token's account, to the server at {@code port}.
	 */
	public static HttpResponse<String> upload(int port, String token, String name, byte[] audio) {
		return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/greeting-files/" + name))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", name.endsWith(".mp3") ? "audio/mpeg" : "audio/wav")
			.PUT(HttpRequest.BodyPublishers.ofByteArray(audio)));
	}

	/** Any request to the server, read whole as text. */
	public static HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
