package asia.oncaller.recording;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
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

	private static final String METADATA_PREFIX = "rtpengine-meta-";

	private final RecordingProperties properties;

	private final Recordings recordings;

	private final RecordingFiles files;

	private final RecordingCharges charges;

	private final RecordingPruner pruner;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final ThreadPoolExecutor executor = RecorderThread.named("recording-convert-");

	private final Mp3Encoder mp3;

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
	}

	/** Finishes the recording on the conversion thread. */
	void finish(Recordings.Plan plan, String sipCallId, CallSnapshot call) {
		this.executor.execute(() -> {
			try {
				make(plan, sipCallId, call);
			}
			catch (IOException | RuntimeException ex) {
				logger.warn("Recording {} of call {} failed: {}", plan.id(), plan.callId(), ex.toString());
				this.recordings.failed(plan.id(), "The call's audio could not be made into a file");
			}
		});
	}

	private void make(Recordings.Plan plan, String sipCallId, CallSnapshot call) throws IOException {
		Path metadata = closedMetadata(sipCallId);
		if (metadata == null) {
			this.recordings.failed(plan.id(), "The media server's capture of the call did not come");
			return;
		}
		Path capture = capturePath(metadata);
		Path wav = this.files.workFile(plan.id(), ".wav");
		Duration duration;
		try (InputStream in = Files.newInputStream(capture)) {
			duration = new CaptureToWav(ports(plan.callerPorts()), plan.stereo(), this.properties.maxDuration())
				.convert(in, wav);
		}
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
		removeCapture(capture, metadata);
		this.pruner.keepWithinSize(plan.accountId());
	}

	/** Best effort: the recording is kept either way; a capture left behind is only disk. */
	private static void removeCapture(Path capture, Path metadata) {
		try {
			Files.deleteIfExists(capture);
			Files.deleteIfExists(metadata);
		}
		catch (IOException ex) {
			logger.warn("rtpengine's capture {} could not be removed: {}", capture, ex.toString());
		}
	}

	/**
	 * rtpengine's metadata file of the call once it is complete: it writes the call's end time
	 * into it when the call is deleted and the capture closed.
	 */
	private Path closedMetadata(String sipCallId) throws IOException {
		Path dir = this.properties.captureDir().resolve("metadata");
		long deadline = System.nanoTime() + this.properties.captureWait().toNanos();
		while (System.nanoTime() < deadline) {
			if (Files.isDirectory(dir)) {
				try (DirectoryStream<Path> candidates = Files.newDirectoryStream(dir, METADATA_PREFIX + "*")) {
					for (Path candidate : candidates) {
						String name = percentDecoded(candidate.getFileName().toString());
						if (name.startsWith(METADATA_PREFIX + sipCallId + "-")
								&& Files.readString(candidate).contains("call end time")) {
							return candidate;
						}
					}
				}
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return null;
			}
		}
		return null;
	}

	/** rtpengine escapes a call-id's characters in file names as URLs do ({@code @} is {@code %40}). */
	static String percentDecoded(String name) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c == '%' && i + 2 < name.length() && HexFormat.isHexDigit(name.charAt(i + 1))
					&& HexFormat.isHexDigit(name.charAt(i + 2))) {
				bytes.write(HexFormat.fromHexDigits(name, i + 1, i + 3));
				i += 2;
			}
			else {
				bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
			}
		}
		return bytes.toString(StandardCharsets.UTF_8);
	}

	/**
	 * The capture the metadata names on its first line, looked up by its file name in the capture
	 * folder's {@code pcaps}: the server may see rtpengine's folder under another path (a mount),
	 * and nothing outside that folder is ever read.
	 */
	private Path capturePath(Path metadata) throws IOException {
		String first = Files.readAllLines(metadata).stream().findFirst().orElse("").trim();
		Path name = Path.of(first).getFileName();
		Path capture = (name != null) ? this.properties.captureDir().resolve("pcaps").resolve(name.toString()) : null;
		if (capture == null || !Files.isRegularFile(capture)) {
			throw new IOException("The metadata names no capture: " + first);
		}
		return capture;
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
