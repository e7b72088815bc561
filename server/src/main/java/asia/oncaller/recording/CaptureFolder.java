package asia.oncaller.recording;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * rtpengine's recording folder ({@code --recording-dir}) as the server reads it: a call's
 * {@code metadata/rtpengine-meta-<call-id>-<random>.txt}, complete once rtpengine has written the
 * call's end time into it, names the call's {@code pcaps/<call-id>-<random>.pcap}.
 */
final class CaptureFolder {

	private static final Logger logger = LoggerFactory.getLogger(CaptureFolder.class);

	private static final String METADATA_PREFIX = "rtpengine-meta-";

	private static final Pattern RANDOM_SUFFIX = Pattern.compile("[0-9a-f]+\\.txt");

	private final Path dir;

	private final Duration wait;

	CaptureFolder(Path dir, Duration wait) {
		this.dir = dir;
		this.wait = wait;
	}

	/**
	 * rtpengine's metadata file of the call once it is complete: it writes the call's end time
	 * into it when the call is deleted and the capture closed.
	 */
	Path closedMetadata(String mediaCallId) throws IOException {
		Path dir = this.dir.resolve("metadata");
		long deadline = System.nanoTime() + this.wait.toNanos();
		while (System.nanoTime() < deadline) {
			if (Files.isDirectory(dir)) {
				try (DirectoryStream<Path> candidates = Files.newDirectoryStream(dir, METADATA_PREFIX + "*")) {
					for (Path candidate : candidates) {
						String name = percentDecoded(candidate.getFileName().toString());
						String call = METADATA_PREFIX + mediaCallId + "-";
						// The rest is rtpengine's random hex, so that call "a" never takes call "a-b"'s file.
						if (name.startsWith(call) && RANDOM_SUFFIX.matcher(name.substring(call.length())).matches()
								&& Files.readString(candidate).contains("call end time")) {
							return candidate;
						}
					}
				}
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return null;
			}
		}
		return null;
	}

	/** rtpengine escapes a call-id's characters in file names as URLs do ({@code @} is {@code %40}). */
	static String percentDecoded(String name) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c == '%' && i + 2 < name.length() && HexFormat.isHexDigit(name.charAt(i + 1))
					&& HexFormat.isHexDigit(name.charAt(i + 2))) {
				bytes.write(HexFormat.fromHexDigits(name, i + 1, i + 3));
				i += 2;
			}
			else {
				bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
			}
		}
		return bytes.toString(StandardCharsets.UTF_8);
	}

	/**
	 * The capture the metadata names on its first line, looked up by its file name in the capture
	 * folder's {@code pcaps}: the server may see rtpengine's folder under another path (a mount),
	 * and nothing outside that folder is ever read.
	 */
	Path capture(Path metadata) throws IOException {
		String first = Files.readAllLines(metadata).stream().findFirst().orElse("").trim();
		Path name = Path.of(first).getFileName();
		Path capture = (name != null) ? this.dir.resolve("pcaps").resolve(name.toString()) : null;
		if (capture == null || !Files.isRegularFile(capture)) {
			throw new IOException("The metadata names no capture: " + first);
		}
		return capture;
	}

	/** Best effort: the recording is kept either way; a capture left behind is only disk. */
	void remove(Path capture, Path metadata) {
		try {
			Files.deleteIfExists(capture);
			Files.deleteIfExists(metadata);
		}
		catch (IOException ex) {
			logger.warn("rtpengine's capture {} could not be removed: {}", capture, ex.toString());
		}
	}

}
