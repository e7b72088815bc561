package asia.oncaller.client;

import java.util.Objects;

/**
 * How a call captures and plays media. Set the defaults on the client
 * ({@link OnCallerClient#setMediaOptions}) or per call ({@link OnCallerCall#setMediaOptions},
 * for an incoming call inside the {@code incomingcall} handler).
 *
 * <pre>{@code
 * MediaOptions.defaults().withAudio(AudioInput.tone(660)).withVideo(VideoInput.testPattern())
 * }</pre>
 *
 * @param audio the outgoing audio
 * @param video the outgoing video (video calls only)
 * @param speaker part of the name of the playout device, or {@code null} for the default; used
 * only when the audio comes from a microphone (otherwise remote audio is only delivered to
 * {@link RemoteStream} sinks)
 * @param frameRate frames per second of the test pattern and the camera, 1 to 60
 */
public record MediaOptions(AudioInput audio, VideoInput video, String speaker, int frameRate) {

	/** Checks that there are inputs and a frame rate of 1–60. */
	public MediaOptions {
		Objects.requireNonNull(audio, "audio");
		Objects.requireNonNull(video, "video");
		if (frameRate < 1 || frameRate > 60) {
			throw new IllegalArgumentException("Frame rate must be 1-60");
		}
	}

	/** @return devices when present, else a 440 Hz tone and the test pattern, at 15 frames per second */
	public static MediaOptions defaults() {
		return new MediaOptions(AudioInput.auto(), VideoInput.auto(), null, 15);
	}

	/** @return synthetic sources only: a tone at {@code frequency} and the test pattern */
	public static MediaOptions synthetic(double frequency) {
		return new MediaOptions(AudioInput.tone(frequency), VideoInput.testPattern(), null, 15);
	}

	/** @return a copy with another audio input */
	public MediaOptions withAudio(AudioInput audio) {
		return new MediaOptions(audio, this.video, this.speaker, this.frameRate);
	}

	/** @return a copy with another video input */
	public MediaOptions withVideo(VideoInput video) {
		return new MediaOptions(this.audio, video, this.speaker, this.frameRate);
	}

	/** @return a copy with another playout device */
	public MediaOptions withSpeaker(String speaker) {
		return new MediaOptions(this.audio, this.video, speaker, this.frameRate);
	}

	/** @return a copy with another frame rate */
	public MediaOptions withFrameRate(int frameRate) {
		return new MediaOptions(this.audio, this.video, this.speaker, frameRate);
	}

}
