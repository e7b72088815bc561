package asia.oncaller.media;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A UDP socket read by one daemon thread that hands every datagram to a handler until the
 * socket is closed. A datagram the handler cannot read is dropped and logged; the next one is
 * read as usual.
 */
final class DatagramReceiver implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(DatagramReceiver.class);

	private final DatagramSocket socket;

	private final Thread thread;

	/**
	 * @param name the thread's name, also what the log calls the datagrams
	 * @param maxDatagram the largest datagram read whole
	 * @param handler reads one datagram; the packet's buffer is reused after it returns
	 */
	DatagramReceiver(DatagramSocket socket, String name, int maxDatagram, Consumer<DatagramPacket> handler) {
		this.socket = socket;
		this.thread = new Thread(() -> receive(name, maxDatagram, handler), name);
		this.thread.setDaemon(true);
		this.thread.start();
	}

	DatagramSocket socket() {
		return this.socket;
	}

	private void receive(String name, int maxDatagram, Consumer<DatagramPacket> handler) {
		byte[] buffer = new byte[maxDatagram];
		DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
		while (!this.socket.isClosed()) {
			try {
				packet.setLength(buffer.length);
				this.socket.receive(packet);
				handler.accept(packet);
			}
			catch (IOException ex) {
				if (!this.socket.isClosed()) {
					logger.warn("{}: receiving failed", name, ex);
				}
			}
			catch (RuntimeException ex) {
				logger.warn("{}: dropped a datagram from {} that could not be read: {}", name,
						packet.getSocketAddress(), ex.toString());
			}
		}
	}

	/** Closes the socket and waits a moment for the thread to end. */
	@Override
	public void close() {
		this.socket.close();
		try {
			this.thread.join(1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
