package asia.oncaller.ivr;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

import asia.oncaller.common.Hashes;
import asia.oncaller.control.AnswerUrlClient;
import asia.oncaller.control.StreamAction;
import asia.oncaller.greetings.AudioFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * {@code stream}: a WAV or MP3 file fetched from the action's URL through the answer_url's client
 * (signed with the project's secret, guarded addresses, bounded time and size), kept in
 * {@link MediaFileCache} and played {@code loop} times. A URL that fails, or a body that is no WAV or
 * MP3, skips the action.
 */
@Component
class StreamRunner implements ActionRunner<StreamAction> {

	private static final Logger log = LoggerFactory.getLogger(StreamRunner.class);

	private final AnswerUrlClient customer;

	private final MediaFileCache cache;

	private final int maxSize;

	StreamRunner(AnswerUrlClient customer, MediaFileCache cache, IvrProperties properties) {
		this.customer = customer;
		this.cache = cache;
		this.maxSize = Math.toIntExact(properties.maxStreamSize().toBytes());
	}

	@Override
	public Class<StreamAction> kind() {
		return StreamAction.class;
	}

	@Override
	public Step run(IvrCall call, StreamAction action) {
		// Per account: the same URL may answer each customer's signature differently.
		String key = "stream-"
				+ Hashes.sha256((call.accountId() + "\n" + action.fileName()).getBytes(StandardCharsets.UTF_8));
		Path file = this.cache.fresh(key).or(() -> fetch(call, action, key)).orElse(null);
		if (file == null) {
			log.info("Call {}: stream gave no WAV or MP3 file, skipped", call.callId());
			return Step.next();
		}
		return call.play(file, action.loop(), action.bargeIn());
	}

	private Optional<Path> fetch(IvrCall call, StreamAction action, String key) {
		return this.customer.fetch(action.fileName(), this.maxSize, call.signingSecret())
			.flatMap((body) -> AudioFormat.of(body).map((format) -> this.cache.put(key, format.extension(), body)));
	}

}
