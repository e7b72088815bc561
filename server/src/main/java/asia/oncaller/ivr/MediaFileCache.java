package asia.oncaller.ivr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

/**
 * Audio the runner made or fetched (speech for {@code talk}, files for {@code stream}), on disk
 * for rtpengine to read: each kept for {@code mediaCacheAge}, and no more than
 * {@code mediaCacheSize} in all, the oldest removed first when a new one would pass it. Without
 * the bound, talk texts that differ per call (a balance, a name) would fill the disk.
 */
@Component
class MediaFileCache {

	private static final String PREFIX = "cached-";

	private final Path directory;

	private final long maxBytes;

	private final Duration maxAge;

	private final Clock clock;

	MediaFileCache(IvrProperties properties, Clock clock) {
		this.directory = properties.mediaDir();
		this.maxBytes = properties.mediaCacheSize().toBytes();
		this.maxAge = properties.mediaCacheAge();
		this.clock = clock;
	}

	/** The file kept under the key, if it is younger than the maximum age. */
	Optional<Path> fresh(String key) {
		try (Stream<Path> files = kept()) {
			return files.filter((file) -> file.getFileName().toString().startsWith(PREFIX + key + "."))
				.filter((file) -> age(file).compareTo(this.maxAge) < 0)
				.findFirst();
		}
	}

	/** Keeps the body under the key, making room first; returns its file. */
	synchronized Path put(String key, String extension, byte[] body) {
		try {
			Files.createDirectories(this.directory);
			makeRoom(body.length);
			Path file = this.directory.resolve(PREFIX + key + extension);
			Path partial = Files.createTempFile(this.directory, "partial-", ".tmp");
			Files.write(partial, body);
			return Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void makeRoom(long needed) throws IOException {
		List<Path> oldestFirst;
		try (Stream<Path> files = kept()) {
			oldestFirst = files.sorted(Comparator.comparing(this::age).reversed()).toList();
		}
		long total = 0;
		for (Path file : oldestFirst) {
			total += Files.size(file);
		}
		for (Path file : oldestFirst) {
			if (total + needed <= this.maxBytes) {
				return;
			}
			total -= Files.size(file);
			// On Linux a removed file stays readable to whoever opened it, as rtpengine has while it plays.
			Files.deleteIfExists(file);
		}
	}

	private Stream<Path> kept() {
		if (!Files.isDirectory(this.directory)) {
			return Stream.empty();
		}
		try {
			return Files.list(this.directory).filter((file) -> file.getFileName().toString().startsWith(PREFIX));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Duration age(Path file) {
		try {
			FileTime modified = Files.getLastModifiedTime(file);
			return Duration.between(modified.toInstant(), this.clock.instant());
		}
		catch (IOException ex) {
			// Removed meanwhile: as old as can be.
			return Duration.ofDays(365);
		}
	}

}
