package asia.oncaller.recording;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import asia.oncaller.media.G711;

/**
 * Turns rtpengine's capture of a call into a 16-bit, 8 kHz WAV file: both parties mixed into one
 * channel, or (stereo) the caller on the left and the callee on the right.
 * <p>
 * Each RTP stream (an rtpengine port and an SSRC) is placed on the timeline by the capture time of
 * its first packet and then by its RTP timestamps, so jitter in arrival does not move the audio,
 * and what nobody sent (before a party's first packet, lost packets) is silence. The samples are
 * written straight into the file, mixed by adding to what is there, so a call of any length costs
 * one packet's memory. Audio past {@code maxDuration} is left out.
 */
final class CaptureToWav {

	private static final int RATE = WavHeader.RATE;

	private static final int HEADER = WavHeader.LENGTH;

	private final Set<Integer> callerPorts;

	private final int channels;

	private final long maxSamples;

	private final Map<Long, Stream> streams = new HashMap<>();

	private RandomAccessFile out;

	private long startMicros = -1;

	private long endSample;

	/**
	 * @param callerPorts rtpengine's ports that receive the caller's media
	 * @param stereo caller left, callee right, instead of one mixed channel
	 * @param maxDuration the longest audio kept
	 */
	CaptureToWav(Set<Integer> callerPorts, boolean stereo, Duration maxDuration) {
		this.callerPorts = Set.copyOf(callerPorts);
		this.channels = stereo ? 2 : 1;
		this.maxSamples = maxDuration.toSeconds() * RATE;
	}

	/**
	 * Writes the WAV file of the capture.
	 * @return how long the audio lasts
	 * @throws IOException when the capture cannot be read or the file written
	 */
	Duration convert(InputStream capture, Path wav) throws IOException {
		try (RandomAccessFile file = new RandomAccessFile(wav.toFile(), "rw")) {
			this.out = file;
			file.setLength(0);
			file.write(new byte[HEADER]);
			PcapPackets.read(capture, this::place);
			long dataBytes = this.endSample * this.channels * 2;
			file.setLength(HEADER + dataBytes);
			file.seek(0);
			file.write(WavHeader.of(this.channels, dataBytes));
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(wav);
			throw ex;
		}
		return Duration.ofMillis(this.endSample * 1000 / RATE);
	}

	private void place(PcapPackets.Datagram datagram) throws IOException {
		byte[] data = datagram.data();
		int rtp = datagram.offset();
		int length = datagram.length();
		if (length < 12 || (data[rtp] & 0xc0) != 0x80) {
			return;
		}
		int payloadType = data[rtp + 1] & 0x7f;
		if (!G711.decodes(payloadType)) {
			return;
		}
		int payload = rtp + 12 + 4 * (data[rtp] & 0x0f);
		if ((data[rtp] & 0x10) != 0 && payload + 4 <= rtp + length) {
			payload += 4 + 4 * (((data[payload + 2] & 0xff) << 8) | (data[payload + 3] & 0xff));
		}
		int end = rtp + length;
		if ((data[rtp] & 0x20) != 0) {
			end -= data[end - 1] & 0xff;
		}
		if (payload >= end) {
			return;
		}
		ByteBuffer header = ByteBuffer.wrap(data);
		long timestamp = Integer.toUnsignedLong(header.getInt(rtp + 4));
		long ssrc = Integer.toUnsignedLong(header.getInt(rtp + 8));
		if (this.startMicros < 0) {
			this.startMicros = datagram.micros();
		}
		Stream stream = this.streams.computeIfAbsent((ssrc << 16) | datagram.destinationPort(),
				(key) -> new Stream((datagram.micros() - this.startMicros) * RATE / 1_000_000, timestamp));
		long first = stream.firstSample + (int) (timestamp - stream.firstTimestamp);
		int channel = (this.channels == 2 && !this.callerPorts.contains(datagram.destinationPort())) ? 1 : 0;
		mix(first, channel, payloadType, data, payload, end);
	}

	/** Adds the payload's samples to the file from sample {@code first} on, clipped to 16 bits. */
	private void mix(long first, int channel, int payloadType, byte[] data, int from, int to) throws IOException {
		if (first < 0) {
			return;
		}
		int count = (int) Math.min(to - from, this.maxSamples - first);
		if (count <= 0) {
			return;
		}
		int frame = this.channels * 2;
		byte[] frames = new byte[count * frame];
		long position = HEADER + first * frame;
		long existing = Math.min(count, Math.max(0, this.endSample - first));
		if (existing > 0) {
			this.out.seek(position);
			this.out.readFully(frames, 0, (int) existing * frame);
		}
		ByteBuffer samples = ByteBuffer.wrap(frames).order(ByteOrder.LITTLE_ENDIAN);
		for (int i = 0; i < count; i++) {
			int at = i * frame + channel * 2;
			int sum = samples.getShort(at) + G711.decode(payloadType, data[from + i]);
			samples.putShort(at, (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, sum)));
		}
		this.out.seek(position);
		this.out.write(frames);
		this.endSample = Math.max(this.endSample, first + count);
	}

	/** Where a stream's first packet sits on the timeline, and its RTP timestamp. */
	private record Stream(long firstSample, long firstTimestamp) {
	}

}
