package asia.oncaller.client.internal.media;

import asia.oncaller.client.AudioInput;
import asia.oncaller.client.VideoInput;
import asia.oncaller.client.VideoResolution;

/**
 * What one call's local media should be.
 *
 * @param audio the audio input
 * @param video the video input, {@code null} for an audio call
 * @param resolution the size of the test pattern and the camera
 * @param frameRate frames per second of the test pattern and the camera
 * @param speaker part of the playout device's name, used with a microphone only
 */
public record MediaSpec(AudioInput audio, VideoInput video, VideoResolution resolution, int frameRate,
		String speaker) {

	/** @return the same spec with video */
	public MediaSpec withVideo(VideoInput video) {
		return new MediaSpec(this.audio, video, this.resolution, this.frameRate, this.speaker);
	}

}
