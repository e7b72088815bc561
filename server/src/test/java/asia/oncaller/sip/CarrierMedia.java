package asia.oncaller.sip;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;

import asia.oncaller.media.MediaPackets;
import asia.oncaller.media.TestTones;

/**
 * The carrier's media end in a phone call test: a UDP socket on loopback that the carrier's SDP
 * offers (SIPp's {@code rtp_port}), which keeps every RTP packet it hears and sends the phone's
 * RFC 4733 digits. It hears what rtpengine plays to the phone, G.711 µ-law, decoded here to
 * measure a tone's frequency and speech's length.
 */
final class CarrierMedia implements AutoCloseable {

	/** A 20 ms packet quieter than this (RMS of 16-bit samples) counts as silence. */
	static final double SILENCE_RMS = 200;

	private final DatagramSocket socket;

	private final List<Packet> received = new CopyOnWriteArrayList<>();

	private final Thread receiver;

	private int sequence = 1;

	/** One RTP packet as it arrived. */
	record Packet(long arrivedNanos, int payloadType, byte[] payload) {

		/** Its samples, for PCMU (payload type 0). */
		short[] pcm() {
			short[] samples = new short[this.payload.length];
			for (int i = 0; i < samples.length; i++) {
				samples[i] = ulaw(this.payload[i]);
			}
			return samples;
		}

		double rms() {
			double sum = 0;
			for (short sample : pcm()) {
				sum += (double) sample * sample;
			}
			return Math.sqrt(sum / Math.max(1, this.payload.length));
		}

	}

	CarrierMedia() throws SocketException {
		this.socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
		this.receiver = new Thread(this::receive, "carrier-media");
		this.receiver.setDaemon(true);
		this.receiver.start();
	}

	int port() {
		return this.socket.getLocalPort();
	}

	/** The PCMU packets heard so far, in order of arrival. */
	List<Packet> audio() {
		return this.received.stream().filter((packet) -> packet.payloadType() == 0).toList();
	}

	/**
	 * The bursts of audio heard so far: packets that came at most {@code gapMillis} apart belong
	 * to one burst (rtpengine sends nothing between two things it plays).
	 */
	List<List<Packet>> bursts(long gapMillis) {
		List<List<Packet>> bursts = new ArrayList<>();
		long last = Long.MIN_VALUE;
		for (Packet packet : audio()) {
			if (bursts.isEmpty() || packet.arrivedNanos() - last > gapMillis * 1_000_000) {
				bursts.add(new ArrayList<>());
			}
			bursts.get(bursts.size() - 1).add(packet);
			last = packet.arrivedNanos();
		}
		return bursts;
	}

	/** The main frequency of the loud part of the packets, by counting zero crossings. */
	static double frequency(List<Packet> packets) {
		int crossings = 0;
		int samples = 0;
		short previous = 0;
		for (Packet packet : packets) {
			if (packet.rms() < SILENCE_RMS) {
				continue;
			}
			for (short sample : packet.pcm()) {
				if (samples > 0 && (previous < 0) != (sample < 0)) {
					crossings++;
				}
				previous = sample;
				samples++;
			}
		}
		return (samples == 0) ? 0 : crossings / 2.0 / (samples / 8000.0);
	}

	/** How many of the packets are not silence. */
	static long loudPackets(List<Packet> packets) {
		return packets.stream().filter((packet) -> packet.rms() >= SILENCE_RMS).count();
	}

	/**
	 * The phone presses a key: a packet of silence, then the key as an RFC 4733 event (three
	 * updates and three end packets, as carriers send it), to rtpengine's port for the phone.
	 */
	void press(InetSocketAddress rtpengine, int event) {
		long timestamp = this.sequence * 160L;
		send(rtpengine, MediaPackets.rtp(0, true, this.sequence++, timestamp, 0x33, new byte[160]));
		for (int i = 1; i <= 6; i++) {
			byte[] payload = MediaPackets.dtmfEvent(event, i > 3, 160 * Math.min(i, 4));
			send(rtpengine, MediaPackets.rtp(101, i == 1, this.sequence++, timestamp + 160, 0x33, payload));
		}
		this.sequence += 10;
	}

	/**
	 * The phone speaks, in real time: {@code toneMillis} of a sine at {@code hz}, then
	 * {@code silenceMillis} of silent packets, as PCMU, one 20 ms packet every 20 ms, to
	 * rtpengine's port for the phone. Returns when the last packet is sent.
	 */
	void speak(InetSocketAddress rtpengine, double hz, int toneMillis, int silenceMillis) {
		byte[] tone = TestTones.ulaw(TestTones.tone(hz, 8 * toneMillis));
		byte[] silence = TestTones.ulaw(new short[8 * silenceMillis]);
		byte[] audio = new byte[tone.length + silence.length];
		System.arraycopy(tone, 0, audio, 0, tone.length);
		System.arraycopy(silence, 0, audio, tone.length, silence.length);
		long start = System.nanoTime();
		for (int packet = 0; (packet + 1) * 160 <= audio.length; packet++) {
			// Paced as a phone sends: packet n leaves 20 n ms after the first.
			LockSupport.parkNanos(start + packet * 20_000_000L - System.nanoTime());
			send(rtpengine, MediaPackets.rtp(0, packet == 0, this.sequence, this.sequence * 160L, 0x33,
					Arrays.copyOfRange(audio, packet * 160, (packet + 1) * 160)));
			this.sequence++;
		}
	}

	/** The same, {@code millis} of the tone only, sent from a thread of its own while the test goes on. */
	void startSpeaking(InetSocketAddress rtpengine, double hz, int millis) {
		Thread speaker = new Thread(() -> speak(rtpengine, hz, millis, 0), "carrier-speaks");
		speaker.setDaemon(true);
		speaker.start();
	}

	private void send(InetSocketAddress to, byte[] packet) {
		try {
			this.socket.send(new DatagramPacket(packet, packet.length, to));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void receive() {
		byte[] buffer = new byte[2048];
		while (!this.socket.isClosed()) {
			DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
			try {
				this.socket.receive(packet);
			}
			catch (IOException ex) {
				return;
			}
			if (packet.getLength() > 12) {
				this.received.add(new Packet(System.nanoTime(), buffer[1] & 0x7f,
						Arrays.copyOfRange(buffer, 12, packet.getLength())));
			}
		}
	}

	/** G.711 µ-law to linear 16-bit (ITU-T G.711). */
	private static short ulaw(byte encoded) {
		int u = ~encoded & 0xff;
		int magnitude = ((u & 0x0f) << 3) + 0x84;
		magnitude <<= (u & 0x70) >> 4;
		return (short) (((u & 0x80) != 0) ? (0x84 - magnitude) : (magnitude - 0x84));
	}

	@Override
	public void close() throws InterruptedException {
		this.socket.close();
		this.receiver.join(1000);
	}

}
