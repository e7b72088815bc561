package asia.oncaller.client.internal.media;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;

import asia.oncaller.client.AudioFrame;
import asia.oncaller.client.AudioSink;
import asia.oncaller.client.I420Frame;
import asia.oncaller.client.VideoSink;
import dev.onvoid.webrtc.media.MediaStreamTrack;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.audio.AudioTrackSink;
import dev.onvoid.webrtc.media.video.I420Buffer;
import dev.onvoid.webrtc.media.video.VideoFrame;
import dev.onvoid.webrtc.media.video.VideoTrack;
import dev.onvoid.webrtc.media.video.VideoTrackSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application's sinks on one track (remote audio or video, or local video for a preview).
 * One native sink is attached when the first application sink arrives; it copies each frame out
 * of WebRTC, hands the copy to every sink and releases the native frame (webrtc-java leaks it
 * otherwise). Native attach and detach run on the call's media thread; after {@link #detach()}
 * nothing is attached again.
 */
public final class TrackSinks {

	private static final Logger log = LoggerFactory.getLogger(TrackSinks.class);

	private final MediaStreamTrack track;

	private final Executor mediaThread;

	private final List<AudioSink> audioSinks = new CopyOnWriteArrayList<>();

	private final List<VideoSink> videoSinks = new CopyOnWriteArrayList<>();

	private final AtomicLong frames = new AtomicLong();

	private AudioTrackSink nativeAudio;

	private VideoTrackSink nativeVideo;

	private boolean detached;

	TrackSinks(MediaStreamTrack track, Executor mediaThread) {
		this.track = track;
		this.mediaThread = mediaThread;
	}

	/** @return whether this is an audio track */
	public boolean isAudio() {
		return this.track instanceof AudioTrack;
	}

	/** @return frames delivered to the application's sinks so far */
	public long framesDelivered() {
		return this.frames.get();
	}

	/** Adds an audio sink (audio tracks only). */
	public void addAudioSink(AudioSink sink) {
		this.audioSinks.add(sink);
		attachLater();
	}

	/** Removes an audio sink. */
	public void removeAudioSink(AudioSink sink) {
		this.audioSinks.remove(sink);
	}

	/** Adds a video sink (video tracks only). */
	public void addVideoSink(VideoSink sink) {
		this.videoSinks.add(sink);
		attachLater();
	}

	/** Removes a video sink. */
	public void removeVideoSink(VideoSink sink) {
		this.videoSinks.remove(sink);
	}

	private void attachLater() {
		try {
			this.mediaThread.execute(this::attach);
		}
		catch (RejectedExecutionException ex) {
			// the call has ended: nothing to attach to
		}
	}

	private void attach() {
		if (this.detached) {
			return;
		}
		try {
			if (this.track instanceof AudioTrack audio && this.nativeAudio == null && !this.audioSinks.isEmpty()) {
				this.nativeAudio = this::onAudio;
				audio.addSink(this.nativeAudio);
			}
			else if (this.track instanceof VideoTrack video && this.nativeVideo == null && !this.videoSinks.isEmpty()) {
				this.nativeVideo = this::onVideo;
				video.addSink(this.nativeVideo);
			}
		}
		catch (Throwable ex) {
			log.warn("Attaching a sink failed: {}", ex.toString());
		}
	}

	/** Detaches the native sink; called on the media thread before the peer connection closes. */
	void detach() {
		this.detached = true;
		if (this.nativeAudio != null) {
			AudioTrackSink sink = this.nativeAudio;
			LocalMedia.dispose("audio sink", () -> ((AudioTrack) this.track).removeSink(sink));
			this.nativeAudio = null;
		}
		if (this.nativeVideo != null) {
			VideoTrackSink sink = this.nativeVideo;
			LocalMedia.dispose("video sink", () -> ((VideoTrack) this.track).removeSink(sink));
			this.nativeVideo = null;
		}
	}

	private void onAudio(byte[] data, int bits, int rate, int channels, int count) {
		AudioFrame frame = new AudioFrame(data, bits, rate, channels, count);
		this.frames.incrementAndGet();
		for (AudioSink sink : this.audioSinks) {
			try {
				sink.onAudio(frame);
			}
			catch (Throwable ex) {
				log.warn("An audio sink threw", ex);
			}
		}
	}

	private void onVideo(VideoFrame frame) {
		try {
			if (this.videoSinks.isEmpty()) {
				return;
			}
			I420Frame copy = copy(frame);
			this.frames.incrementAndGet();
			for (VideoSink sink : this.videoSinks) {
				try {
					sink.onFrame(copy);
				}
				catch (Throwable ex) {
					log.warn("A video sink threw", ex);
				}
			}
		}
		finally {
			frame.release();
		}
	}

	static I420Frame copy(VideoFrame frame) {
		I420Buffer buffer = frame.buffer.toI420();
		try {
			int w = buffer.getWidth();
			int h = buffer.getHeight();
			int cw = (w + 1) / 2;
			int ch = (h + 1) / 2;
			byte[] out = new byte[w * h + 2 * cw * ch];
			copyPlane(buffer.getDataY(), buffer.getStrideY(), w, h, out, 0);
			copyPlane(buffer.getDataU(), buffer.getStrideU(), cw, ch, out, w * h);
			copyPlane(buffer.getDataV(), buffer.getStrideV(), cw, ch, out, w * h + cw * ch);
			return new I420Frame(w, h, frame.rotation, frame.timestampNs, out);
		}
		finally {
			if (buffer != frame.buffer) {
				buffer.release();
			}
		}
	}

	private static void copyPlane(ByteBuffer plane, int stride, int width, int rows, byte[] out, int offset) {
		ByteBuffer source = plane.duplicate();
		for (int row = 0; row < rows; row++) {
			source.get(row * stride, out, offset + row * width, width);
		}
	}

}
