package asia.oncaller.media;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;

/**
 * Receives the DTMF reports of rtpengine and publishes them as {@link RtpDtmfReceived}.
 * <p>
 * rtpengine 10.5 reports each RFC 4733 event it relays, at its end, as one JSON datagram to the
 * address of its {@code --dtmf-log-dest} option, e.g. {@code {"callid":"c1","source_tag":"t1",
 * "tags":["t1","t2"],"type":"DTMF","timestamp":1795679636,"source_ip":"127.0.0.1","event":5,
 * "duration":80,"volume":10}}. The per-call {@code DTMF-log-dest} key of later versions is
 * unknown to 10.5, so the destination is rtpengine's start option, and this listener's address
 * must match it.
 */
class RtpDtmfListener implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(RtpDtmfListener.class);

	private static final String EVENTS = "0123456789*#ABCD";

	private final ApplicationEventPublisher events;

	private final JsonMapper json = JsonMapper.builder().build();

	private final DatagramReceiver receiver;

	RtpDtmfListener(InetSocketAddress address, ApplicationEventPublisher events) {
		this.events = events;
		try {
			this.receiver = new DatagramReceiver(new DatagramSocket(address), "rtpengine-dtmf", 4096, this::report);
		}
		catch (SocketException ex) {
			throw new IllegalStateException("Cannot listen for rtpengine's DTMF reports on " + address, ex);
		}
	}

	/** The address it listens on (the actual port, when asked for port 0). */
	InetSocketAddress address() {
		return (InetSocketAddress) this.receiver.socket().getLocalSocketAddress();
	}

	private void report(DatagramPacket packet) {
		RtpDtmfReceived received = toEvent(this.json.readTree(packet.getData(), 0, packet.getLength()));
		if (received != null) {
			this.events.publishEvent(received);
		}
	}

	private static RtpDtmfReceived toEvent(JsonNode report) {
		int event = report.path("event").asInt(-1);
		if (!"DTMF".equals(report.path("type").asString()) || event < 0 || event >= EVENTS.length()) {
			// Events 16 and up are other telephony tones (RFC 4733 §3.2), not keys.
			logger.debug("Ignored rtpengine report {}", report);
			return null;
		}
		return new RtpDtmfReceived(report.path("callid").asString(), report.path("source_tag").asString(),
				EVENTS.charAt(event), report.path("duration").asLong());
	}

	@Override
	public void close() {
		this.receiver.close();
	}

}
