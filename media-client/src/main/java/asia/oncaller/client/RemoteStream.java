package asia.oncaller.client;

import asia.oncaller.client.internal.media.TrackSinks;

/**
 * The payload of {@code addremotestream}: one of the peer's tracks, audio or video (a video call
 * fires the event twice). Read it through sinks; remote audio is also played on the speaker when
 * the call captures from a microphone.
 *
 * <pre>{@code
 * call.on(CallEvent.ADD_REMOTE_STREAM, s -> {
 *     if (s.isAudio()) s.addAudioSink(frame -> wav.write(frame.data()));
 *     else s.addVideoSink(frame -> window.draw(frame));
 * });
 * }</pre>
 */
public final class RemoteStream {

	private final TrackSinks track;

	RemoteStream(TrackSinks track) {
		this.track = track;
	}

	/** @return whether this is the peer's audio */
	public boolean isAudio() {
		return this.track.isAudio();
	}

	/** @return whether this is the peer's video */
	public boolean isVideo() {
		return !this.track.isAudio();
	}

	/**
	 * @param sink receives 10 ms PCM frames
	 * @throws IllegalStateException on a video stream
	 */
	public void addAudioSink(AudioSink sink) {
		if (!isAudio()) {
			throw new IllegalStateException("not an audio stream");
		}
		this.track.addAudioSink(sink);
	}

	/** Removes an audio sink. */
	public void removeAudioSink(AudioSink sink) {
		this.track.removeAudioSink(sink);
	}

	/**
	 * @param sink receives decoded I420 frames
	 * @throws IllegalStateException on an audio stream
	 */
	public void addVideoSink(VideoSink sink) {
		if (!isVideo()) {
			throw new IllegalStateException("not a video stream");
		}
		this.track.addVideoSink(sink);
	}

	/** Removes a video sink. */
	public void removeVideoSink(VideoSink sink) {
		this.track.removeVideoSink(sink);
	}

	/** @return frames handed to this stream's sinks so far */
	public long getFramesDelivered() {
		return this.track.framesDelivered();
	}

	@Override
	public String toString() {
		return "RemoteStream[" + (isAudio() ? "audio" : "video") + "]";
	}

}
