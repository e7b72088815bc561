package asia.oncaller.ivr;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import asia.oncaller.common.Hashes;

import org.springframework.stereotype.Component;

/**
 * Text to speech with espeak-ng (Debian's {@code espeak-ng}): a WAV file per text, voice and
 * speed, kept in {@link MediaFileCache} under their hash, so a text said in many calls is made once.
 * The text goes in on standard input, never as an argument (a text starting with {@code -} would
 * be an option); its length, the process's time and the number of processes at once are bounded.
 */
@Component
class TextToSpeech {

	/** espeak-ng voice names: a language and an optional variant ({@code en}, {@code vi}, {@code en+f3}). */
	private static final Pattern VOICE = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{2,8})?(\\+[a-z0-9]{1,8})?");

	private final IvrProperties properties;

	private final MediaFileCache cache;

	private final Semaphore processes;

	TextToSpeech(IvrProperties properties, MediaFileCache cache) {
		this.properties = properties;
		this.cache = cache;
		this.processes = new Semaphore(properties.talksAtOnce());
	}

	/**
	 * The spoken text as a WAV file.
	 * @param voice {@code female} (the default), {@code male}, or an espeak-ng voice name
	 * @param speed -3 (slowest) to 3; 0 is 160 words a minute
	 * @return empty when the voice is unknown or synthesis failed or took too long
	 */
	Optional<Path> speak(String text, String voice, int speed) throws InterruptedException {
		String spoken = (text.length() > this.properties.maxTextLength())
				? text.substring(0, this.properties.maxTextLength()) : text;
		String espeakVoice = switch (voice) {
			case "female" -> "en+f3";
			case "male" -> "en";
			default -> VOICE.matcher(voice).matches() ? voice : null;
		};
		if (espeakVoice == null) {
			return Optional.empty();
		}
		String wordsPerMinute = String.valueOf(160 + 30 * speed);
		String key = "talk-"
				+ Hashes.sha256((espeakVoice + "\n" + wordsPerMinute + "\n" + spoken).getBytes(StandardCharsets.UTF_8));
		Optional<Path> made = this.cache.fresh(key);
		if (made.isPresent()) {
			return made;
		}
		if (!this.processes.tryAcquire(this.properties.talkTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
			return Optional.empty();
		}
		try {
			return synthesize(spoken, espeakVoice, wordsPerMinute)
				.map((wav) -> this.cache.put(key, ".wav", wav));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			this.processes.release();
		}
	}

	/** The WAV file's bytes, or empty when espeak-ng failed or took too long. */
	private Optional<byte[]> synthesize(String text, String voice, String wordsPerMinute)
			throws IOException, InterruptedException {
		Files.createDirectories(this.properties.mediaDir());
		Path partial = Files.createTempFile(this.properties.mediaDir(), "speech-", ".wav");
		Process process = new ProcessBuilder(List.of(this.properties.espeak(), "-v", voice, "-s", wordsPerMinute,
				"-w", partial.toString(), "--stdin"))
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		try {
			try (OutputStream input = process.getOutputStream()) {
				input.write(text.getBytes(StandardCharsets.UTF_8));
			}
			if (!process.waitFor(this.properties.talkTimeout().toMillis(), TimeUnit.MILLISECONDS)
					|| process.exitValue() != 0 || Files.size(partial) <= 44) {
				return Optional.empty();
			}
			return Optional.of(Files.readAllBytes(partial));
		}
		finally {
			process.destroyForcibly();
			Files.deleteIfExists(partial);
		}
	}

}
