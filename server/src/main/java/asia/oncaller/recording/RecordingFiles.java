package asia.oncaller.recording;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Where recordings' audio lies: {@code <dir>/<accountId>/<recordingId>.<format>}. A path is only
 * ever made from ids this server issued and checked against their pattern, never from what a
 * request says, so no id can reach outside the folder.
 */
@Component
class RecordingFiles {

	private static final Pattern RECORDING_ID = Pattern.compile("rec-[0-9a-f]{32}");

	private static final Pattern ACCOUNT_ID = Pattern.compile("AC[0-9a-f]{32}");

	private final Path dir;

	RecordingFiles(RecordingProperties properties) {
		this.dir = properties.dir().toAbsolutePath().normalize();
	}

	/** Whether the text has the shape of a recording id. */
	static boolean isRecordingId(String text) {
		return text != null && RECORDING_ID.matcher(text).matches();
	}

	/** The file of a recording; made if {@code create}, with its account's folder. */
	Path file(String accountId, String recordingId, String format) {
		if (!ACCOUNT_ID.matcher(accountId).matches() || !isRecordingId(recordingId)
				|| !("wav".equals(format) || "mp3".equals(format))) {
			throw new IllegalArgumentException("Not a recording: " + accountId + "/" + recordingId + "." + format);
		}
		return this.dir.resolve(accountId).resolve(recordingId + "." + format);
	}

	/** A working file next to the recordings, on the same file system, so the final move is atomic. */
	Path workFile(String recordingId, String suffix) throws IOException {
		Path work = this.dir.resolve(".work");
		Files.createDirectories(work);
		return work.resolve(recordingId + suffix);
	}

	/** Moves a finished file into place. */
	Path keep(Path finished, String accountId, String recordingId, String format) throws IOException {
		Path file = file(accountId, recordingId, format);
		Files.createDirectories(file.getParent());
		return Files.move(finished, file, StandardCopyOption.ATOMIC_MOVE,
				StandardCopyOption.REPLACE_EXISTING);
	}

	void delete(String accountId, String recordingId, String format) {
		try {
			Files.deleteIfExists(file(accountId, recordingId, format));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
