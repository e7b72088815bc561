package asia.oncaller.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Greeting files for tests: a sine tone as a WAV file, and its upload over the real REST API. */
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

	/** Uploads a WAV greeting file as the account (or project) token's account, to the server at {@code port}. */
	public static HttpResponse<String> upload(int port, String token, String name, byte[] wav) {
		return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/greeting-files/" + name))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "audio/wav")
			.PUT(HttpRequest.BodyPublishers.ofByteArray(wav)));
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
