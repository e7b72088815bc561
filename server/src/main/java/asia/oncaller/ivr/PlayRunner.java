package asia.oncaller.ivr;

import java.nio.file.Path;

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

	PlayRunner(GreetingFiles files) {
		this.files = files;
	}

	@Override
	public Class<PlayAction> kind() {
		return PlayAction.class;
	}

	@Override
	public Step run(IvrCall call, PlayAction action) {
		// Only the call's own account's files: another account's name finds nothing.
		Path file = this.files.playable(call.accountId(), action.fileName()).orElse(null);
		if (file == null) {
			log.info("Call {}: no greeting file '{}' in its account, play skipped", call.callId(), action.fileName());
			return Step.next();
		}
		return call.play(file, action.loop(), action.bargeIn());
	}

}
