package asia.oncaller.recording;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.stream.Collectors;

import asia.oncaller.call.CallLifecycleEvent;
import asia.oncaller.call.CallSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes the audio file of an ended call's recording: waits for rtpengine to close the call's
 * capture, converts it ({@link CaptureToWav}, then {@link Mp3Encoder} for MP3), keeps the file,
 * and in one transaction marks the recording READY, announces it on the event_url and charges it.
 * The capture is removed afterwards: it is the call's audio, unencrypted, and is needed no more.
 */
@Component
class RecordingFinisher implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(RecordingFinisher.class);

	private final RecordingProperties properties;

	private final Recordings recordings;

	private final RecordingFiles files;

	private final RecordingCharges charges;

	private final RecordingPruner pruner;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final ThreadPoolExecutor executor = RecorderThread.named("recording-convert-");

	private final Mp3Encoder mp3;

	private final CaptureFolder captures;

	RecordingFinisher(RecordingProperties properties, Recordings recordings, RecordingFiles files,
			RecordingCharges charges, RecordingPruner pruner, ApplicationEventPublisher events,
			TransactionTemplate transaction) {
		this.properties = properties;
		this.recordings = recordings;
		this.files = files;
		this.charges = charges;
		this.pruner = pruner;
		this.events = events;
		this.transaction = transaction;
		this.mp3 = new Mp3Encoder(properties.lame(), properties.encodeTimeout());
		this.captures = new CaptureFolder(properties.captureDir(), properties.captureWait());
	}

	/** Finishes the recording on the conversion thread. */
	void finish(Recordings.Plan plan, String mediaCallId, CallSnapshot call) {
		this.executor.execute(() -> {
			try {
				make(plan, mediaCallId, call);
			}
			catch (IOException | RuntimeException ex) {
				logger.warn("Recording {} of call {} failed: {}", plan.id(), plan.callId(), ex.toString());
				this.recordings.failed(plan.id(), "The call's audio could not be made into a file");
			}
		});
	}

	private void make(Recordings.Plan plan, String mediaCallId, CallSnapshot call) throws IOException {
		Path metadata = this.captures.closedMetadata(mediaCallId);
		if (metadata == null) {
			this.recordings.failed(plan.id(), "The media server's capture of the call did not come");
			return;
		}
		Path capture = this.captures.capture(metadata);
		Path wav = this.files.workFile(plan.id(), ".wav");
		Duration duration;
		try (InputStream in = Files.newInputStream(capture)) {
			duration = new CaptureToWav(ports(plan.callerPorts()), plan.stereo(), this.properties.maxDuration())
				.convert(in, wav);
		}
		keep(plan, wav, duration, call);
		this.captures.remove(capture, metadata);
	}

	/**
	 * Keeps the recording's audio, made as the WAV work file {@code wav} (encoded to MP3 first if
	 * the plan says so), and in one transaction marks it READY, announces it and charges it.
	 */
	void keep(Recordings.Plan plan, Path wav, Duration duration, CallSnapshot call) throws IOException {
		Path finished = wav;
		if ("mp3".equals(plan.format())) {
			finished = this.files.workFile(plan.id(), ".mp3");
			try {
				this.mp3.encode(wav, finished, plan.stereo());
			}
			finally {
				Files.deleteIfExists(wav);
			}
		}
		Path kept = this.files.keep(finished, plan.accountId(), plan.id(), plan.format());
		long size = Files.size(kept);
		this.transaction.executeWithoutResult((status) -> {
			if (this.recordings.ready(plan.id(), duration.toMillis(), size)) {
				this.events.publishEvent(new CallLifecycleEvent.Recorded(call, plan.id(), url(plan.id()), plan.format(),
						duration.toMillis(), size, plan.eventUrl()));
				this.charges.charge(plan.accountId(), plan.callId(), duration);
			}
		});
		this.pruner.keepWithinSize(plan.accountId());
	}

	private String url(String recordingId) {
		String base = this.properties.publicUrl();
		String path = Recording.path(recordingId);
		return (base != null) ? base.replaceAll("/+$", "") + path : path;
	}

	private static Set<Integer> ports(String csv) {
		if (csv == null || csv.isBlank()) {
			return Set.of();
		}
		return Arrays.stream(csv.split(",")).map(Integer::valueOf).collect(Collectors.toSet());
	}

	@Override
	public void destroy() {
		this.executor.shutdown();
	}

}
