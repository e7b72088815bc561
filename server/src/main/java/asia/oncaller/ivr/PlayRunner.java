package asia.oncaller.ivr;

import java.nio.file.Path;

import asia.oncaller.control.PlayAction;
import asia.oncaller.greetings.GreetingFiles;
import asia.oncaller.media.MediaPlayer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/** {@code play}: one of the account's greeting files, {@code loop} times. */
@Component
class PlayRunner implements ActionRunner<PlayAction> {

	private static final Logger log = LoggerFactory.getLogger(PlayRunner.class);

	private final GreetingFiles files;

	private final MediaPlayer player;

	PlayRunner(GreetingFiles files, MediaPlayer player) {
		this.files = files;
		this.player = player;
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
		IvrLine line = call.line();
		return Step.playing(this.player.play(line.mediaCallId(), line.partyTag(), file, action.loop()), action.bargeIn());
	}

}
