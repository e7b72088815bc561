package asia.oncaller.client;

/**
 * One decoded video frame in I420 (Y plane, then U, then V, no padding), copied out of WebRTC so
 * the application may keep it.
 *
 * @param width pixels
 * @param height pixels
 * @param rotation degrees clockwise the frame should be rotated when shown
 * @param timestampNs capture time from WebRTC
 * @param data {@code width*height} bytes of Y, then {@code ((width+1)/2)*((height+1)/2)} of U and of V
 */
public record I420Frame(int width, int height, int rotation, long timestampNs, byte[] data) {

	/** @return bytes per chroma plane */
	public int chromaSize() {
		return ((this.width + 1) / 2) * ((this.height + 1) / 2);
	}

	/**
	 * @param x column
	 * @param y row
	 * @return the luma (0-255) of a pixel
	 */
	public int luma(int x, int y) {
		return this.data[y * this.width + x] & 0xff;
	}

}
