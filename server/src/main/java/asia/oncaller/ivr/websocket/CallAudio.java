package asia.oncaller.ivr.websocket;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.Arrays;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import asia.oncaller.media.G711;
import asia.oncaller.media.RtpPackets;
import asia.oncaller.media.StreamedMedia;

/**
 * The call's side of a WebSocket stream: a UDP socket of this server that rtpengine sends the
 * phone's RTP to, decoded to L16 at 16 kHz for the customer, and that sends the customer's audio
 * back as G.711 RTP, one packet every 20 ms, paced by a shared scheduler. Only rtpengine's
 * address and port are heard: anybody else's datagrams are dropped.
 */
final class CallAudio implements AutoCloseable {

	private static final int SAMPLES_PER_PACKET = 160;

	private final DatagramSocket socket;

	private final L16Audio upsampler = new L16Audio();

	private final byte[] frame = new byte[L16Audio.FRAME_BYTES];

	private final int ssrc = ThreadLocalRandom.current().nextInt();

	private Thread receiver;

	private ScheduledFuture<?> pacing;

	private int sequence = ThreadLocalRandom.current().nextInt(0x10000);

	private long timestamp = ThreadLocalRandom.current().nextInt() & 0xffffffffL;

	private boolean talking;

	CallAudio(InetAddress address) throws SocketException {
		this.socket = new DatagramSocket(new InetSocketAddress(address, 0));
	}

	/** Where rtpengine is to send the phone's audio. */
	InetSocketAddress address() {
		return (InetSocketAddress) this.socket.getLocalSocketAddress();
	}

	/**
	 * Starts both ways: the phone's audio to {@code toCustomer} as it comes, the customer's
	 * {@code toPhone} to rtpengine every 20 ms.
	 */
	void start(StreamedMedia media, Consumer<byte[]> toCustomer, PlayBuffer toPhone, ScheduledExecutorService pacer,
			String name) {
		this.receiver = new Thread(() -> receive(media, toCustomer), name);
		this.receiver.setDaemon(true);
		this.receiver.start();
		this.pacing = pacer.scheduleAtFixedRate(() -> sendNext(media, toPhone), 20, 20, TimeUnit.MILLISECONDS);
	}

	private void receive(StreamedMedia media, Consumer<byte[]> toCustomer) {
		byte[] buffer = new byte[2048];
		DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
		while (!this.socket.isClosed()) {
			try {
				packet.setLength(buffer.length);
				this.socket.receive(packet);
			}
			catch (IOException ex) {
				return;
			}
			if (packet.getSocketAddress().equals(media.rtpengine())) {
				short[] samples = RtpPackets.g711Samples(buffer, packet.getLength());
				if (samples != null) {
					toCustomer.accept(this.upsampler.from8k(samples));
				}
			}
		}
	}

	/**
	 * One tick of the pacer: 20 ms of the customer's audio, if any waits, as one RTP packet. The
	 * timestamp runs on through silence, so the phone hears the gaps where they were; the first
	 * packet after one carries the marker bit (RFC 3551 §4.1).
	 */
	private void sendNext(StreamedMedia media, PlayBuffer toPhone) {
		int length = toPhone.poll(this.frame);
		if (length > 0) {
			Arrays.fill(this.frame, length, this.frame.length, (byte) 0);
			short[] samples = L16Audio.to8k(this.frame, this.frame.length);
			byte[] payload = new byte[SAMPLES_PER_PACKET];
			for (int i = 0; i < payload.length; i++) {
				payload[i] = G711.encode(media.payloadType(), samples[i]);
			}
			byte[] packet = RtpPackets.packet(media.payloadType(), !this.talking, this.sequence++, this.timestamp, this.ssrc,
					payload);
			try {
				this.socket.send(new DatagramPacket(packet, packet.length, media.rtpengine()));
			}
			catch (IOException ex) {
				// A lost packet, as on any network: the next tick sends the next one (an exception
				// here would stop the pacing for good).
			}
		}
		this.talking = length > 0;
		this.timestamp = (this.timestamp + SAMPLES_PER_PACKET) & 0xffffffffL;
	}

	@Override
	public void close() throws InterruptedException {
		if (this.pacing != null) {
			this.pacing.cancel(false);
		}
		this.socket.close();
		if (this.receiver != null) {
			this.receiver.join(1000);
		}
	}

}
