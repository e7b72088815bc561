package asia.oncaller.client.internal.media;

/**
 * A moving test pattern: eight colour bars scrolling left by 4 pixels a frame, and a white square
 * bouncing across them. Each row is copied from a precomputed double-width template, so a
 * 1280x720 frame costs a few hundred row copies.
 */
final class TestPattern implements VideoProducer {

	/** BT.601 studio-range Y, U, V of white, yellow, cyan, green, magenta, red, blue, black. */
	private static final int[][] BARS = { { 235, 128, 128 }, { 210, 16, 146 }, { 170, 166, 16 }, { 145, 54, 34 },
			{ 106, 202, 222 }, { 81, 90, 240 }, { 41, 240, 110 }, { 16, 128, 128 } };

	private final int width;

	private final int height;

	private final byte[] rowY;

	private final byte[] rowU;

	private final byte[] rowV;

	private final byte[] white;

	private final byte[] grey;

	private long frame;

	TestPattern(int width, int height) {
		this.width = width;
		this.height = height;
		this.rowY = new byte[2 * width];
		int cw = (width + 1) / 2;
		this.rowU = new byte[2 * cw];
		this.rowV = new byte[2 * cw];
		for (int x = 0; x < 2 * width; x++) {
			this.rowY[x] = (byte) BARS[(x % width) * 8 / width][0];
		}
		for (int x = 0; x < 2 * cw; x++) {
			int[] bar = BARS[(x % cw) * 8 / cw];
			this.rowU[x] = (byte) bar[1];
			this.rowV[x] = (byte) bar[2];
		}
		this.white = new byte[width];
		java.util.Arrays.fill(this.white, (byte) 235);
		this.grey = new byte[cw];
		java.util.Arrays.fill(this.grey, (byte) 128);
	}

	@Override
	public int width() {
		return this.width;
	}

	@Override
	public int height() {
		return this.height;
	}

	@Override
	public void fill(Planes p) {
		int shift = (int) ((this.frame * 4) % this.width) & ~1;
		int box = Math.max(2, this.height / 8) & ~1;
		int travelX = this.width - box;
		int travelY = this.height - box;
		int bx = bounce(this.frame * 6, travelX) & ~1;
		int by = bounce(this.frame * 4, travelY) & ~1;
		for (int row = 0; row < this.height; row++) {
			p.y().put(row * p.strideY(), this.rowY, shift, this.width);
			if (row >= by && row < by + box) {
				p.y().put(row * p.strideY() + bx, this.white, 0, box);
			}
		}
		int ch = (this.height + 1) / 2;
		int cw = (this.width + 1) / 2;
		for (int row = 0; row < ch; row++) {
			p.u().put(row * p.strideU(), this.rowU, shift / 2, cw);
			p.v().put(row * p.strideV(), this.rowV, shift / 2, cw);
			if (2 * row >= by && 2 * row < by + box) {
				p.u().put(row * p.strideU() + bx / 2, this.grey, 0, box / 2);
				p.v().put(row * p.strideV() + bx / 2, this.grey, 0, box / 2);
			}
		}
		this.frame++;
	}

	private static int bounce(long position, int travel) {
		if (travel <= 0) {
			return 0;
		}
		long p = position % (2L * travel);
		return (int) ((p <= travel) ? p : 2L * travel - p);
	}

}
