package asia.oncaller.sip;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * The ports one SIPp run binds: SIP on 127.0.0.1 (UDP or TCP), RTP on 127.0.0.1 (the media port
 * and, for video, media port + 2) and the remote-control UDP port, which SIPp binds on every
 * interface and would otherwise look for from 8888 up. Each is free when picked, not reserved.
 */
record SippPorts(boolean tcp, int sip, int media, int control) {

	private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

	static SippPorts pick(boolean tcp) {
		try (ServerSocket sipTcp = new ServerSocket(0, 1, LOOPBACK);
				DatagramSocket sipUdp = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
				DatagramSocket media = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
				DatagramSocket control = new DatagramSocket(0)) {
			int sip = tcp ? sipTcp.getLocalPort() : sipUdp.getLocalPort();
			return new SippPorts(tcp, sip, media.getLocalPort(), control.getLocalPort());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free local port for sipp", ex);
		}
	}

	/** Whether something (SIPp, once started) has bound the SIP port: we cannot bind it ourselves. */
	boolean sipPortTaken() {
		try {
			if (this.tcp) {
				try (ServerSocket probe = new ServerSocket()) {
					probe.setReuseAddress(false);
					probe.bind(new InetSocketAddress(LOOPBACK, this.sip));
				}
			}
			else {
				new DatagramSocket(new InetSocketAddress(LOOPBACK, this.sip)).close();
			}
			return false;
		}
		catch (IOException ex) {
			return true;
		}
	}

}
