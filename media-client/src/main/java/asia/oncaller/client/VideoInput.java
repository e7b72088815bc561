package asia.oncaller.client;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a video call's outgoing video comes from. The size is the call's
 * {@link OnCallerCall#getVideoResolution() videoResolution}, except for raw files, which have
 * their own.
 *
 * <pre>{@code
 * VideoInput.auto()                          // the camera when there is one, else the test pattern (default)
 * VideoInput.camera("Logitech")              // the first camera whose name contains "Logitech"
 * VideoInput.testPattern()                   // moving colour bars and a frame counter
 * VideoInput.rawFile(path, 640, 480, 15)     // consecutive I420 frames, looped
 * }</pre>
 */
public sealed interface VideoInput
		permits VideoInput.Auto, VideoInput.Camera, VideoInput.TestPattern, VideoInput.RawFile {

	/** @return the camera when one is present, else the test pattern */
	static VideoInput auto() {
		return new Auto();
	}

	/** @return the default camera; without one the call sends black frames and reports error 1000 */
	static VideoInput camera() {
		return new Camera(null);
	}

	/**
	 * @param name part of the camera's name (case-insensitive) or its exact descriptor
	 * @return that camera; without it the call sends black frames and reports error 1000
	 */
	static VideoInput camera(String name) {
		return new Camera(Objects.requireNonNull(name, "name"));
	}

	/** @return a moving test pattern */
	static VideoInput testPattern() {
		return new TestPattern();
	}

	/**
	 * @param path consecutive I420 frames of {@code width*height*3/2} bytes
	 * @param width frame width, even
	 * @param height frame height, even
	 * @param frameRate frames per second
	 * @return the file, played in a loop
	 */
	static VideoInput rawFile(Path path, int width, int height, int frameRate) {
		return new RawFile(path, new VideoResolution(width, height), frameRate);
	}

	/** The camera if present, else the test pattern. */
	record Auto() implements VideoInput {
	}

	/**
	 * A camera.
	 *
	 * @param name part of its name or its descriptor; {@code null} for the first
	 */
	record Camera(String name) implements VideoInput {
	}

	/** Moving colour bars with a frame counter. */
	record TestPattern() implements VideoInput {
	}

	/**
	 * A raw I420 file played in a loop.
	 *
	 * @param path the file
	 * @param resolution its frame size
	 * @param frameRate its frame rate
	 */
	record RawFile(Path path, VideoResolution resolution, int frameRate) implements VideoInput {

		/** Checks the path and the frame rate (1–60). */
		public RawFile {
			Objects.requireNonNull(path, "path");
			if (frameRate < 1 || frameRate > 60) {
				throw new IllegalArgumentException("Frame rate must be 1-60");
			}
		}

	}

}
