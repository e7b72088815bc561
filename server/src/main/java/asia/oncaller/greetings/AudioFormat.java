package asia.oncaller.greetings;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The two audio formats a greeting file (or a streamed file) may have, recognized by their first bytes rather than by
 * the Content-Type alone: a file rtpengine cannot decode would only fail later, during a call.
 */
public enum AudioFormat {

	WAV("audio/wav", ".wav"), MP3("audio/mpeg", ".mp3");

	final String contentType;

	final String extension;

	/** The file name extension rtpengine's decoder expects, with its dot. */
	public String extension() {
		return this.extension;
	}

	AudioFormat(String contentType, String extension) {
		this.contentType = contentType;
		this.extension = extension;
	}

	/** The format the bytes are in, if they are a RIFF/WAVE file or an MP3 (ID3 tag or frame sync). */
	public static Optional<AudioFormat> of(byte[] data) {
		if (data.length >= 12 && ascii(data, 0, 4).equals("RIFF") && ascii(data, 8, 12).equals("WAVE")) {
			return Optional.of(WAV);
		}
		boolean id3 = data.length >= 3 && ascii(data, 0, 3).equals("ID3");
		boolean frameSync = data.length >= 2 && (data[0] & 0xff) == 0xff && (data[1] & 0xe0) == 0xe0;
		return (id3 || frameSync) ? Optional.of(MP3) : Optional.empty();
	}

	static Optional<AudioFormat> ofContentType(String contentType) {
		return Arrays.stream(values()).filter((format) -> format.contentType.equals(contentType)).findFirst();
	}

	private static String ascii(byte[] data, int from, int to) {
		return new String(data, from, to - from, StandardCharsets.US_ASCII);
	}

}
