package asia.oncaller.client;

import asia.oncaller.client.internal.media.LocalInfo;
import asia.oncaller.client.internal.media.TrackSinks;

/**
 * The payload of {@code addlocalstream}: what the call sends, and a way to preview the local video.
 *
 * <pre>{@code
 * call.on(CallEvent.ADD_LOCAL_STREAM, s -> System.out.println(s.getAudioSource() + " / " + s.getVideoSource()));
 * }</pre>
 */
public final class LocalStream {

	private final LocalInfo info;

	LocalStream(LocalInfo info) {
		this.info = info;
	}

	/** @return always true: every call sends audio (a microphone, a synthetic source or silence) */
	public boolean hasAudio() {
		return true;
	}

	/** @return whether video is sent */
	public boolean hasVideo() {
		return this.info.videoDescription() != null;
	}

	/** @return what the audio comes from, e.g. {@code "tone 440.0 Hz (no microphone: ...)"} */
	public String getAudioSource() {
		return this.info.audioDescription();
	}

	/** @return what the video comes from, or {@code null} for an audio call */
	public String getVideoSource() {
		return this.info.videoDescription();
	}

	/** @return the size of the video sent, or {@code null} for an audio call */
	public VideoResolution getVideoResolution() {
		return this.info.resolution();
	}

	/**
	 * Shows the local video: {@code sink} receives a copy of every frame sent.
	 * @param sink the preview
	 * @return false for an audio call
	 */
	public boolean addVideoSink(VideoSink sink) {
		TrackSinks preview = this.info.videoPreview();
		if (preview == null) {
			return false;
		}
		preview.addVideoSink(sink);
		return true;
	}

	/** Stops a preview. */
	public void removeVideoSink(VideoSink sink) {
		if (this.info.videoPreview() != null) {
			this.info.videoPreview().removeVideoSink(sink);
		}
	}

	@Override
	public String toString() {
		return "LocalStream[audio=" + getAudioSource() + ", video=" + getVideoSource() + "]";
	}

}
