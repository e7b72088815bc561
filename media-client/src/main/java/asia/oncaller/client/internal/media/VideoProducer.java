package asia.oncaller.client.internal.media;

import java.nio.ByteBuffer;

/**
 * Produces I420 frames for a {@code CustomVideoSource}, one per call of {@link #fill}, from one
 * pump thread only.
 */
interface VideoProducer {

	int width();

	int height();

	/** Writes the next frame into the planes. */
	void fill(Planes planes);

	/**
	 * The three planes of a frame being filled.
	 *
	 * @param y luma, {@code height} rows of {@code strideY}
	 * @param strideY bytes per luma row
	 * @param u chroma blue, {@code (height+1)/2} rows
	 * @param strideU bytes per U row
	 * @param v chroma red
	 * @param strideV bytes per V row
	 */
	record Planes(ByteBuffer y, int strideY, ByteBuffer u, int strideU, ByteBuffer v, int strideV) {
	}

	/** Black frames: what a missing camera sends. */
	static VideoProducer black(int width, int height) {
		return new VideoProducer() {

			@Override
			public int width() {
				return width;
			}

			@Override
			public int height() {
				return height;
			}

			@Override
			public void fill(Planes p) {
				fillPlane(p.y(), p.strideY(), height, (byte) 16);
				fillPlane(p.u(), p.strideU(), (height + 1) / 2, (byte) 128);
				fillPlane(p.v(), p.strideV(), (height + 1) / 2, (byte) 128);
			}

		};
	}

	private static void fillPlane(ByteBuffer plane, int stride, int rows, byte value) {
		for (int i = 0; i < stride * rows && i < plane.capacity(); i++) {
			plane.put(i, value);
		}
	}

}
