package asia.oncaller.client;

/**
 * The size of the video a call sends: {@link #VGA} (640x480, the default) or {@link #HD}
 * (1280x720). Other even sizes up to 1920x1080 are accepted too.
 *
 * @param width pixels, even
 * @param height pixels, even
 */
public record VideoResolution(int width, int height) {

	/** 640x480. */
	public static final VideoResolution VGA = new VideoResolution(640, 480);

	/** 1280x720. */
	public static final VideoResolution HD = new VideoResolution(1280, 720);

	/** Checks that the size is even and between 16x16 and 1920x1080. */
	public VideoResolution {
		if (width < 16 || height < 16 || width > 1920 || height > 1080 || width % 2 != 0 || height % 2 != 0) {
			throw new IllegalArgumentException("Video resolution must be even and between 16x16 and 1920x1080: "
					+ width + "x" + height);
		}
	}

	@Override
	public String toString() {
		return this.width + "x" + this.height;
	}

}
