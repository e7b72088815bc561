package asia.oncaller.ivr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Path;
import java.time.Duration;

import asia.oncaller.control.RecordMessageAction;
import asia.oncaller.recording.VoiceMessage;
import asia.oncaller.recording.VoiceMessages;
import asia.oncaller.recording.WavHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * {@code recordMessage} (voicemail): a beep if {@code beepStart}, then the caller's audio is
 * recorded ({@link VoiceMessages}) until the first of: the {@code endOnKey} key, {@code timeout}
 * seconds, {@code silenceTimeout} ms in which no 20 ms packet reached {@code silenceThresh}, or
 * the hangup. The message is kept as the call's recording whichever ends it, and the SCCO goes on
 * with its next action.
 */
@Component
class RecordMessageRunner implements ActionRunner<RecordMessageAction> {

	private static final Logger log = LoggerFactory.getLogger(RecordMessageRunner.class);

	/** How much silence ends a message when the action does not say (the model product's 3 s). */
	static final Duration SILENCE_TIMEOUT = Duration.ofSeconds(3);

	/** The silence level when the action does not say: 1 % of full scale, about -40 dBFS. */
	static final int SILENCE_THRESHOLD = 1;

	/** How often the loop looks at keys, audio, silence and time: one packet's worth. */
	private static final Duration TICK = Duration.ofMillis(20);

	private static final String BEEP = "beep-1000hz-400ms";

	private final VoiceMessages messages;

	private final MediaFileCache cache;

	RecordMessageRunner(VoiceMessages messages, MediaFileCache cache) {
		this.messages = messages;
		this.cache = cache;
	}

	@Override
	public Class<RecordMessageAction> kind() {
		return RecordMessageAction.class;
	}

	@Override
	public Step run(IvrCall call, RecordMessageAction action) throws InterruptedException {
		if (action.beepStart() && call.play(beep(), 1, false) instanceof Step.Playing beep) {
			Thread.sleep(beep.length().toMillis());
		}
		VoiceMessage message = start(call, action);
		if (message == null) {
			log.info("Call {}: it has a recording already, recordMessage skipped", call.callId());
			return Step.next();
		}
		boolean hungUp = false;
		try {
			call.line().hearParty(message.address());
			record(call, action, message);
		}
		catch (InterruptedException | ClosedByInterruptException ex) {
			hungUp = true;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			// The interrupt is cleared: keeping the file (LAME, the database) must not be cut short.
			hungUp |= Thread.interrupted() || call.ended();
			if (!hungUp) {
				stopHearing(call);
			}
			message.finish();
		}
		if (hungUp) {
			throw new InterruptedException("call ended");
		}
		return Step.next();
	}

	/** The caller's audio goes nowhere again; a media server that refuses leaves it where it went. */
	private static void stopHearing(IvrCall call) {
		try {
			call.line().hearParty(null);
		}
		catch (RuntimeException ex) {
			log.info("Call {}: the caller's audio still goes to a closed socket: {}", call.callId(), ex.toString());
		}
	}

	private VoiceMessage start(IvrCall call, RecordMessageAction action) {
		int threshold = (action.silenceThresh() != null) ? action.silenceThresh() : SILENCE_THRESHOLD;
		try {
			return this.messages
				.start(call.callId(), action.format(), action.eventUrl(), threshold,
						Duration.ofSeconds(action.timeoutSeconds()))
				.orElse(null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void record(IvrCall call, RecordMessageAction action, VoiceMessage message)
			throws IOException, InterruptedException {
		Duration silence = (action.silenceTimeoutMillis() != null) ? Duration.ofMillis(action.silenceTimeoutMillis())
				: SILENCE_TIMEOUT;
		long deadline = System.nanoTime() + Duration.ofSeconds(action.timeoutSeconds()).toNanos();
		char endOnKey = action.endOnKey().charAt(0);
		while (true) {
			Character key = call.nextDigit(TICK);
			message.take();
			if (key != null && key == endOnKey) {
				return;
			}
			// silenceTimeout 0: silence never ends the message.
			if (!silence.isZero() && message.silentFor().compareTo(silence) >= 0) {
				return;
			}
			if (System.nanoTime() - deadline >= 0) {
				return;
			}
		}
	}

	/** The beep: 400 ms of 1 kHz at half scale, made once into the media cache. */
	private Path beep() {
		return this.cache.fresh(BEEP).orElseGet(() -> this.cache.put(BEEP, ".wav", tone(1000, 400)));
	}

	private static byte[] tone(int hertz, int millis) {
		int samples = WavHeader.RATE / 1000 * millis;
		ByteBuffer wav = ByteBuffer.allocate(WavHeader.LENGTH + 2 * samples).order(ByteOrder.LITTLE_ENDIAN);
		wav.put(WavHeader.of(1, 2L * samples));
		for (int i = 0; i < samples; i++) {
			wav.putShort((short) (16000 * Math.sin(2 * Math.PI * hertz * i / WavHeader.RATE)));
		}
		return wav.array();
	}

}
