package asia.oncaller.recording;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.DatagramChannel;
import java.nio.file.Path;
import java.time.Duration;

import asia.oncaller.media.G711;

/**
 * One {@code recordMessage} being recorded: a UDP socket that the media server sends the caller's
 * RTP to, written as it comes into a 16-bit, 8 kHz mono WAV work file. Each packet (20 ms of
 * G.711) is placed by its RTP timestamp, so a lost packet is silence and a late one does not move
 * the audio (a jump of more than a second goes on from the end instead), and its level is
 * measured: a packet whose RMS reaches the silence threshold is sound. Not thread-safe: one
 * runner's thread drives it ({@link #take}, then {@link #finish}).
 */
public final class VoiceMessage {

	/** The largest RTP packet read; G.711 packets of 20 ms are 172 bytes. */
	private static final int MAX_PACKET = 1500;

	private final Recordings.Plan plan;

	private final DatagramChannel socket;

	private final Path wav;

	private final RandomAccessFile out;

	private final double soundRms;

	private final long maxSamples;

	private final VoiceMessages owner;

	private final ByteBuffer packet = ByteBuffer.allocate(MAX_PACKET);

	private final long startedNanos = System.nanoTime();

	private long lastSoundNanos = this.startedNanos;

	private long firstTimestamp = -1;

	private long endSample;

	private boolean finished;

	VoiceMessage(Recordings.Plan plan, DatagramChannel socket, Path wav, int silenceThreshold, Duration maxLength,
			VoiceMessages owner) throws IOException {
		this.plan = plan;
		this.socket = socket;
		this.wav = wav;
		this.owner = owner;
		this.out = new RandomAccessFile(wav.toFile(), "rw");
		this.out.setLength(0);
		this.out.write(new byte[WavHeader.LENGTH]);
		this.soundRms = silenceThreshold / 100.0 * Short.MAX_VALUE;
		this.maxSamples = maxLength.toSeconds() * WavHeader.RATE;
	}

	/** The recording's id, as the REST API and the {@code recorded} event name it. */
	public String recordingId() {
		return this.plan.id();
	}

	/** Where the media server must send the caller's audio. */
	public InetSocketAddress address() throws IOException {
		return (InetSocketAddress) this.socket.getLocalAddress();
	}

	/** Writes every packet that arrived since the last call; returns at once when none did. */
	public void take() throws IOException {
		while (true) {
			this.packet.clear();
			if (this.socket.receive(this.packet) == null) {
				return;
			}
			this.packet.flip();
			write(this.packet.array(), this.packet.limit());
		}
	}

	/** How long the caller has been silent: since the last packet of sound, or since the start. */
	public Duration silentFor() {
		return Duration.ofNanos(System.nanoTime() - this.lastSoundNanos);
	}

	/** How long the message is so far. */
	public Duration length() {
		return Duration.ofMillis(this.endSample * 1000 / WavHeader.RATE);
	}

	/**
	 * Closes the socket and the file and keeps the message as the call's recording (READY, the
	 * {@code recorded} event, the charge); once, whatever happens after.
	 */
	public void finish() {
		if (this.finished) {
			return;
		}
		this.finished = true;
		this.owner.finish(this.plan, this::close, length());
	}

	/** Closes the socket and completes the WAV file. */
	private Path close() throws IOException {
		try {
			this.socket.close();
			long dataBytes = this.endSample * 2;
			this.out.setLength(WavHeader.LENGTH + dataBytes);
			this.out.seek(0);
			this.out.write(WavHeader.of(1, dataBytes));
		}
		finally {
			this.out.close();
		}
		return this.wav;
	}

	private void write(byte[] data, int length) throws IOException {
		if (length < 12 || (data[0] & 0xc0) != 0x80) {
			return;
		}
		int payloadType = data[1] & 0x7f;
		if (!G711.decodes(payloadType)) {
			return;
		}
		int payload = 12 + 4 * (data[0] & 0x0f);
		if ((data[0] & 0x10) != 0 && payload + 4 <= length) {
			payload += 4 + 4 * (((data[payload + 2] & 0xff) << 8) | (data[payload + 3] & 0xff));
		}
		int end = ((data[0] & 0x20) != 0) ? length - (data[length - 1] & 0xff) : length;
		if (payload >= end) {
			return;
		}
		long timestamp = Integer.toUnsignedLong(ByteBuffer.wrap(data).getInt(4));
		if (this.firstTimestamp < 0) {
			this.firstTimestamp = timestamp;
		}
		long first = (int) (timestamp - this.firstTimestamp);
		long elapsed = (System.nanoTime() - this.startedNanos) * WavHeader.RATE / 1_000_000_000L;
		if (first < this.endSample - WavHeader.RATE || first > elapsed + WavHeader.RATE) {
			// A jump of the timestamps by more than a second either way (a new stream, or a hostile
			// one) goes on from the end: the file never grows faster than time passes.
			this.firstTimestamp = timestamp - this.endSample;
			first = this.endSample;
		}
		int count = (int) Math.min(end - payload, this.maxSamples - first);
		if (first < 0 || count <= 0) {
			return;
		}
		ByteBuffer samples = ByteBuffer.allocate(2 * count).order(ByteOrder.LITTLE_ENDIAN);
		double energy = 0;
		for (int i = 0; i < count; i++) {
			short sample = G711.decode(payloadType, data[payload + i]);
			energy += (double) sample * sample;
			samples.putShort(sample);
		}
		if (Math.sqrt(energy / count) >= this.soundRms) {
			this.lastSoundNanos = System.nanoTime();
		}
		// What nobody sent before this packet (lost ones) stays silence: the file grows with zeros.
		this.out.seek(WavHeader.LENGTH + 2 * first);
		this.out.write(samples.array());
		this.endSample = Math.max(this.endSample, first + count);
	}

}
