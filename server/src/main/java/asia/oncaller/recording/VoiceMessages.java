package asia.oncaller.recording;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import asia.oncaller.call.CallRepository;
import asia.oncaller.call.CallSnapshot;
import asia.oncaller.common.Sids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * The messages that {@code recordMessage} records (voicemail): each is the call's recording, of
 * kind {@code recordMessage}, recorded by this server from the caller's audio that the media
 * server forwards to it ({@link VoiceMessage}), then kept, announced and charged as a
 * {@code record} recording is ({@link RecordingFinisher#keep}). One recording per call.
 */
@Service
public class VoiceMessages {

	private static final Logger logger = LoggerFactory.getLogger(VoiceMessages.class);

	private final Recordings recordings;

	private final RecordingFiles files;

	private final RecordingFinisher finisher;

	private final CallRepository calls;

	private final RecordingProperties properties;

	VoiceMessages(Recordings recordings, RecordingFiles files, RecordingFinisher finisher, CallRepository calls,
			RecordingProperties properties) {
		this.recordings = recordings;
		this.files = files;
		this.finisher = finisher;
		this.calls = calls;
		this.properties = properties;
	}

	/**
	 * Starts recording a message of the call: its recording row (RECORDING), a socket on
	 * {@code oncaller.recording.message-address} for the caller's audio, a work file.
	 * @param format {@code wav} or {@code mp3}
	 * @param eventUrl where {@code recorded} goes, or {@code null} for the call's event_url
	 * @param silenceThreshold the level, 0 to 100 % of full scale (RMS), below which a packet is silence
	 * @param maxLength the longest message: audio past it is left out
	 * @return the message, or empty when the call has a recording already (or is gone)
	 */
	public Optional<VoiceMessage> start(String callId, String format, String eventUrl, int silenceThreshold,
			Duration maxLength) throws IOException {
		Recordings.Plan plan = this.calls.findById(callId)
			.flatMap((call) -> this.recordings.insertMessage(Sids.newSid("rec-"), callId, call.getAccountId(),
					call.getProjectId(), format, eventUrl))
			.orElse(null);
		if (plan == null) {
			return Optional.empty();
		}
		DatagramChannel socket = DatagramChannel.open();
		try {
			socket.bind(new InetSocketAddress(this.properties.messageAddress(), 0));
			socket.configureBlocking(false);
			Duration longest = (maxLength.compareTo(this.properties.maxDuration()) < 0) ? maxLength
					: this.properties.maxDuration();
			return Optional.of(new VoiceMessage(plan, socket, this.files.workFile(plan.id(), ".wav"), silenceThreshold,
					longest, this));
		}
		catch (IOException | RuntimeException ex) {
			socket.close();
			this.recordings.failed(plan.id(), "The server could not record the message");
			throw ex;
		}
	}

	/** Completes the message's file and keeps it; a failure leaves the recording FAILED with why. */
	void finish(Recordings.Plan plan, WorkFile file, Duration length) {
		try {
			Path wav = file.complete();
			if (!this.recordings.converting(plan.id())) {
				return;
			}
			CallSnapshot call = this.calls.findById(plan.callId()).map(CallSnapshot::of).orElseThrow();
			this.finisher.keep(plan, wav, length, call);
		}
		catch (IOException | RuntimeException ex) {
			logger.warn("Message {} of call {} failed: {}", plan.id(), plan.callId(), ex.toString());
			this.recordings.failed(plan.id(), "The message could not be made into a file");
		}
	}

	/** The work file of a message, completed when the message ends. */
	@FunctionalInterface
	interface WorkFile {

		Path complete() throws IOException;

	}

}
