package asia.oncaller.recording;

import java.time.Clock;
import java.util.List;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps recordings within their limits: none older than {@code max-age}, and no account's above
 * {@code max-bytes-per-account}, its oldest going first. Runs every {@code prune-interval} and
 * after each new recording of an account; a removed recording's row stays, DELETED, with why.
 */
@Component
class RecordingPruner {

	private static final int BATCH = 500;

	private final Recordings recordings;

	private final RecordingFiles files;

	private final RecordingProperties properties;

	private final Clock clock;

	RecordingPruner(Recordings recordings, RecordingFiles files, RecordingProperties properties, Clock clock) {
		this.recordings = recordings;
		this.files = files;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${oncaller.recording.prune-interval:1m}")
	void prune() {
		List<Recordings.Kept> expired;
		do {
			expired = this.recordings.readySince(this.clock.instant().minus(this.properties.maxAge()), BATCH);
			expired.forEach((kept) -> delete(kept, "Older than the longest time recordings are kept"));
		}
		while (expired.size() == BATCH);
		this.recordings.accountsOver(this.properties.maxBytesPerAccount().toBytes()).forEach(this::keepWithinSize);
	}

	/** Removes the account's oldest recordings until what it keeps fits its limit. */
	void keepWithinSize(String accountId) {
		long max = this.properties.maxBytesPerAccount().toBytes();
		for (Recordings.Kept kept : this.recordings.readyOf(accountId)) {
			if (kept.total() > max) {
				delete(kept, "The account's recordings passed their size limit");
			}
		}
	}

	private void delete(Recordings.Kept kept, String reason) {
		this.files.delete(kept.accountId(), kept.id(), kept.format());
		this.recordings.deleted(kept.id(), reason);
	}

}
