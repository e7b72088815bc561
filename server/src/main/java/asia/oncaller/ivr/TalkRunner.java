package asia.oncaller.ivr;

import java.nio.file.Path;

import asia.oncaller.control.TalkAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/** {@code talk}: the text spoken by {@link TextToSpeech}, {@code loop} times. */
@Component
class TalkRunner implements ActionRunner<TalkAction> {

	private static final Logger log = LoggerFactory.getLogger(TalkRunner.class);

	private final TextToSpeech speech;

	TalkRunner(TextToSpeech speech) {
		this.speech = speech;
	}

	@Override
	public Class<TalkAction> kind() {
		return TalkAction.class;
	}

	@Override
	public Step run(IvrCall call, TalkAction action) throws InterruptedException {
		Path file = this.speech.speak(action.text(), action.voice(), action.speed()).orElse(null);
		if (file == null) {
			log.info("Call {}: talk could not be synthesized (voice '{}'), skipped", call.callId(), action.voice());
			return Step.next();
		}
		return call.play(file, action.loop(), action.bargeIn());
	}

}
