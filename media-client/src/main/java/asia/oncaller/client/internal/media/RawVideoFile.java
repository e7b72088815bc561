package asia.oncaller.client.internal.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Consecutive I420 frames ({@code width*height} bytes of Y, then U and V of a quarter each) read
 * one by one from a file and looped at its end. The channel is closed with the pump.
 */
final class RawVideoFile implements VideoProducer, AutoCloseable {

	private final FileChannel channel;

	private final int width;

	private final int height;

	private final ByteBuffer frame;

	RawVideoFile(Path path, int width, int height) throws IOException {
		this.width = width;
		this.height = height;
		int cw = (width + 1) / 2;
		int ch = (height + 1) / 2;
		this.frame = ByteBuffer.allocate(width * height + 2 * cw * ch);
		this.channel = FileChannel.open(path, StandardOpenOption.READ);
		long size = this.channel.size();
		if (size < this.frame.capacity() || size % this.frame.capacity() != 0) {
			this.channel.close();
			throw new IOException("size " + size + " is not a whole number of " + width + "x" + height + " I420 frames");
		}
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
		this.frame.clear();
		try {
			while (this.frame.hasRemaining()) {
				if (this.channel.read(this.frame) < 0) {
					this.channel.position(0);
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("reading the video file failed", ex);
		}
		byte[] data = this.frame.array();
		int cw = (this.width + 1) / 2;
		int ch = (this.height + 1) / 2;
		for (int row = 0; row < this.height; row++) {
			p.y().put(row * p.strideY(), data, row * this.width, this.width);
		}
		int uStart = this.width * this.height;
		int vStart = uStart + cw * ch;
		for (int row = 0; row < ch; row++) {
			p.u().put(row * p.strideU(), data, uStart + row * cw, cw);
			p.v().put(row * p.strideV(), data, vStart + row * cw, cw);
		}
	}

	@Override
	public void close() throws IOException {
		this.channel.close();
	}

}
