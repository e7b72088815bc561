package asia.oncaller.recording;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads the RTP packets of a pcap capture as rtpengine writes them ({@code --recording-method=pcap}:
 * link type RAW, each packet an IPv4 or IPv6 datagram with a made-up UDP header; {@code eth}
 * format: Ethernet frames). One packet at a time, so a capture of any length costs one packet's
 * memory; a truncated last packet (the capture of a crashed rtpengine) ends the reading.
 */
final class PcapPackets {

	/** A UDP datagram of the capture. */
	record Datagram(long micros, int destinationPort, byte[] data, int offset, int length) {
	}

	/** Reads each datagram in turn. */
	interface Visitor {

		void visit(Datagram datagram) throws IOException;

	}

	private static final int LINKTYPE_ETHERNET = 1;

	private static final int LINKTYPE_RAW = 101;

	private static final int MAX_PACKET = 262_144;

	private PcapPackets() {
	}

	/**
	 * Calls {@code visitor} with every UDP datagram of the capture, in capture order.
	 * @throws IOException when the input is not a pcap of a supported link type
	 */
	static void read(InputStream in, Visitor visitor) throws IOException {
		DataInputStream data = new DataInputStream(new BufferedInputStream(in, 64 * 1024));
		byte[] header = new byte[24];
		data.readFully(header);
		ByteBuffer global = ByteBuffer.wrap(header);
		int magic = global.getInt(0);
		ByteOrder order;
		boolean nanos;
		if (magic == 0xa1b2c3d4 || magic == 0xa1b23c4d) {
			order = ByteOrder.BIG_ENDIAN;
			nanos = magic == 0xa1b23c4d;
		}
		else if (magic == 0xd4c3b2a1 || magic == 0x4d3cb2a1) {
			order = ByteOrder.LITTLE_ENDIAN;
			nanos = magic == 0x4d3cb2a1;
		}
		else {
			throw new IOException("Not a pcap capture");
		}
		global.order(order);
		int linkType = global.getInt(20);
		if (linkType != LINKTYPE_RAW && linkType != LINKTYPE_ETHERNET) {
			throw new IOException("Unsupported pcap link type " + linkType);
		}
		byte[] recordHeader = new byte[16];
		byte[] packet = new byte[MAX_PACKET];
		while (true) {
			try {
				data.readFully(recordHeader);
				ByteBuffer record = ByteBuffer.wrap(recordHeader).order(order);
				long seconds = Integer.toUnsignedLong(record.getInt(0));
				long fraction = Integer.toUnsignedLong(record.getInt(4));
				int captured = record.getInt(8);
				if (captured < 0 || captured > MAX_PACKET) {
					throw new IOException("pcap record of " + captured + " bytes");
				}
				data.readFully(packet, 0, captured);
				long micros = seconds * 1_000_000 + (nanos ? fraction / 1000 : fraction);
				int ip = (linkType == LINKTYPE_ETHERNET) ? 14 : 0;
				Datagram datagram = udp(micros, packet, ip, captured);
				if (datagram != null) {
					visitor.visit(datagram);
				}
			}
			catch (EOFException ex) {
				return;
			}
		}
	}

	/** The UDP payload of an IP packet at {@code ip}, or {@code null} if it is no UDP datagram. */
	private static Datagram udp(long micros, byte[] packet, int ip, int end) {
		if (end - ip < 20) {
			return null;
		}
		int version = (packet[ip] & 0xf0) >> 4;
		int udp;
		int protocol;
		if (version == 4) {
			udp = ip + (packet[ip] & 0x0f) * 4;
			protocol = packet[ip + 9] & 0xff;
		}
		else if (version == 6) {
			udp = ip + 40;
			protocol = packet[ip + 6] & 0xff;
		}
		else {
			return null;
		}
		if (protocol != 17 || udp + 8 > end) {
			return null;
		}
		int destinationPort = ((packet[udp + 2] & 0xff) << 8) | (packet[udp + 3] & 0xff);
		return new Datagram(micros, destinationPort, packet, udp + 8, end - udp - 8);
	}

}
