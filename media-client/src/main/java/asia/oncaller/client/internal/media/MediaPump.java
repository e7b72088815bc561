package asia.oncaller.client.internal.media;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import dev.onvoid.webrtc.media.video.VideoFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes synthetic media into a custom source at a fixed rate, on a thread of its own: audio must
 * always be pushed from one thread (webrtc-java notes), and a slow video frame must not delay it.
 * {@link #stop()} returns only once the last push is over, so the source can then be disposed.
 */
final class MediaPump {

	private static final Logger log = LoggerFactory.getLogger(MediaPump.class);

	private final ScheduledExecutorService thread;

	private MediaPump(String name, Runnable task, long periodMicros) {
		this.thread = Executors.newSingleThreadScheduledExecutor((r) -> {
			Thread t = new Thread(r, name);
			t.setDaemon(true);
			return t;
		});
		this.thread.scheduleAtFixedRate(() -> {
			try {
				task.run();
			}
			catch (Throwable ex) {
				log.warn("{} failed; stopping it", name, ex);
				this.thread.shutdown();
			}
		}, 0, periodMicros, TimeUnit.MICROSECONDS);
	}

	/** Pushes 10 ms of audio every 10 ms. */
	static MediaPump audio(String name, AudioProducer producer, CustomAudioSource source) {
		byte[] block = new byte[producer.blockBytes()];
		int frames = producer.sampleRate() / 100;
		return new MediaPump(name, () -> {
			producer.next(block);
			source.pushAudio(block, 16, producer.sampleRate(), producer.channels(), frames);
		}, 10_000);
	}

	/** Pushes a frame every {@code 1/frameRate} s. */
	static MediaPump video(String name, VideoProducer producer, CustomVideoSource source, int frameRate) {
		return new MediaPump(name, () -> {
			NativeI420Buffer buffer = NativeI420Buffer.allocate(producer.width(), producer.height());
			VideoFrame frame = new VideoFrame(buffer, System.nanoTime());
			try {
				producer.fill(new VideoProducer.Planes(buffer.getDataY(), buffer.getStrideY(), buffer.getDataU(),
						buffer.getStrideU(), buffer.getDataV(), buffer.getStrideV()));
				source.pushFrame(frame);
			}
			finally {
				frame.release();
			}
		}, 1_000_000L / frameRate);
	}

	/** Stops pushing and waits for a push in progress to end. */
	void stop() {
		this.thread.shutdown();
		try {
			if (!this.thread.awaitTermination(2, TimeUnit.SECONDS)) {
				log.warn("a media pump did not stop within 2 s");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
