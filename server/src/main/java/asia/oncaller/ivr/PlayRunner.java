package asia.oncaller.ivr;

import java.nio.file.Path;
import java.util.Optional;

import asia.oncaller.control.PlayAction;
import asia.oncaller.greetings.GreetingFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/** {@code play}: one of the account's greeting files, {@code loop} times. */
@Component
class PlayRunner implements ActionRunner<PlayAction> {

	private static final Logger log = LoggerFactory.getLogger(PlayRunner.class);

	private final GreetingFiles files;

	private final MediaFileCache cache;

	PlayRunner(GreetingFiles files, MediaFileCache cache) {
		this.files = files;
		this.cache = cache;
	}

	@Override
	public Class<PlayAction> kind() {
		return PlayAction.class;
	}

	@Override
	public Step run(IvrCall call, PlayAction action) {
		// Only the call's own account's files: another account's name finds nothing.
		Path file = this.files.playable(call.accountId(), action.fileName())
			.flatMap((playable) -> onDisk(call.accountId(), action.fileName(), playable))
			.orElse(null);
		if (file == null) {
			log.info("Call {}: no greeting file '{}' in its account, play skipped", call.callId(), action.fileName());
			return Step.next();
		}
		return call.play(file, action.loop(), action.bargeIn());
	}

	/**
	 * The file where rtpengine can read it, named by its content's hash: written on first use,
	 * then kept within the cache's age and size like speech and streamed files, so deleted and
	 * replaced greetings do not stay on disk.
	 */
	private Optional<Path> onDisk(String accountId, String name, GreetingFiles.Playable playable) {
		String key = "greeting-" + playable.sha256();
		return this.cache.fresh(key)
			.or(() -> this.files.content(accountId, name, playable.sha256())
				.map((content) -> this.cache.put(key, playable.extension(), content)));
	}

}
