package asia.oncaller.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What the peers of rtpengine send in the media tests: SDP fixtures, RTP packets and STUN
 * binding requests, built by hand since both peers sit outside the server.
 */
public final class MediaPackets {

	static final int STUN_BINDING_REQUEST = 0x0001;

	static final int STUN_BINDING_SUCCESS = 0x0101;

	private MediaPackets() {
	}

	/** An SDP fixture from {@code src/test/resources/media}, with the CRLF line ends SDP has. */
	public static String sdp(String name) {
		try (InputStream in = MediaPackets.class.getResourceAsStream("/media/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n").replace("\n", "\r\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** An RTP packet (RFC 3550), version 2, no CSRC, no extension. */
	public static byte[] rtp(int payloadType, boolean marker, int sequence, long timestamp, int ssrc, byte[] payload) {
		return RtpPackets.packet(payloadType, marker, sequence, timestamp, ssrc, payload);
	}

	/** An RFC 4733 telephone-event payload. */
	public static byte[] dtmfEvent(int event, boolean end, int duration) {
		return ByteBuffer.allocate(4).put((byte) event).put((byte) ((end ? 0x80 : 0) | 10)).putShort((short) duration)
			.array();
	}

	/**
	 * An ICE connectivity check (RFC 8445 §7.1.2) as the controlling agent sends it: USERNAME,
	 * PRIORITY, ICE-CONTROLLING, USE-CANDIDATE, MESSAGE-INTEGRITY with the remote password,
	 * FINGERPRINT.
	 */
	static byte[] stunBindingRequest(String username, String remotePassword) {
		ByteBuffer attributes = ByteBuffer.allocate(512);
		attribute(attributes, 0x0006, username.getBytes(StandardCharsets.UTF_8));
		attribute(attributes, 0x0024, ByteBuffer.allocate(4).putInt(0x6e7f00ff).array());
		attribute(attributes, 0x802A, ByteBuffer.allocate(8).putLong(0x1234_5678_9abc_def0L).array());
		attribute(attributes, 0x0025, new byte[0]);
		byte[] transaction = new byte[12];
		new java.security.SecureRandom().nextBytes(transaction);
		byte[] mac = hmacSha1(remotePassword, message(transaction, attributes, 24));
		attribute(attributes, 0x0008, mac);
		CRC32 crc = new CRC32();
		crc.update(message(transaction, attributes, 8));
		attribute(attributes, 0x8028, ByteBuffer.allocate(4).putInt((int) (crc.getValue() ^ 0x5354554e)).array());
		return message(transaction, attributes, 0);
	}

	/** The STUN message type of a datagram, or -1 if it is not STUN (RFC 5389 magic cookie). */
	static int stunType(byte[] datagram, int length) {
		if (length < 20 || ByteBuffer.wrap(datagram, 4, 4).getInt() != 0x2112A442) {
			return -1;
		}
		return ByteBuffer.wrap(datagram, 0, 2).getShort() & 0xffff;
	}

	/** The USERNAME attribute of a STUN message, or null. */
	static String stunUsername(byte[] datagram, int length) {
		int position = 20;
		while (position + 4 <= length) {
			int type = ByteBuffer.wrap(datagram, position, 2).getShort() & 0xffff;
			int size = ByteBuffer.wrap(datagram, position + 2, 2).getShort() & 0xffff;
			if (type == 0x0006) {
				return new String(datagram, position + 4, size, StandardCharsets.UTF_8);
			}
			position += 4 + size + ((4 - size % 4) % 4);
		}
		return null;
	}

	private static void attribute(ByteBuffer attributes, int type, byte[] value) {
		attributes.putShort((short) type).putShort((short) value.length).put(value);
		attributes.put(new byte[(4 - value.length % 4) % 4]);
	}

	/** Header and attributes so far, the header's length counting {@code extra} more bytes. */
	private static byte[] message(byte[] transaction, ByteBuffer attributes, int extra) {
		int length = attributes.position();
		return ByteBuffer.allocate(20 + length)
			.putShort((short) STUN_BINDING_REQUEST)
			.putShort((short) (length + extra))
			.putInt(0x2112A442)
			.put(transaction)
			.put(attributes.array(), 0, length)
			.array();
	}

	private static byte[] hmacSha1(String key, byte[] data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
			return mac.doFinal(data);
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
