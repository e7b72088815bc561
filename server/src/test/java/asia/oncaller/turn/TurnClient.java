package asia.oncaller.turn;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The least of a TURN client (RFC 8656 over UDP, IPv4) that shows what a TURN server makes of a
 * username and credential: an Allocate with the long-term mechanism (the unauthenticated request
 * is answered 401 with realm and nonce, the second carries {@code MESSAGE-INTEGRITY} keyed with
 * MD5(username:realm:credential)), then Refresh, CreatePermission and a Send indication, so
 * that data leaves from the relayed address. One request at a time; no retransmission beyond a resend
 * after each 1 s without answer.
 */
public final class TurnClient implements AutoCloseable {

	private static final int MAGIC_COOKIE = 0x2112A442;

	private static final int ALLOCATE = 0x0003;

	private static final int REFRESH = 0x0004;

	private static final int CREATE_PERMISSION = 0x0008;

	private static final int SEND_INDICATION = 0x0016;

	private static final int USERNAME = 0x0006;

	private static final int MESSAGE_INTEGRITY = 0x0008;

	private static final int ERROR_CODE = 0x0009;

	private static final int XOR_PEER_ADDRESS = 0x0012;

	private static final int DATA = 0x0013;

	private static final int REALM = 0x0014;

	private static final int NONCE = 0x0015;

	private static final int XOR_RELAYED_ADDRESS = 0x0016;

	private static final int REQUESTED_TRANSPORT = 0x0019;

	private final DatagramSocket socket;

	private final InetSocketAddress server;

	private String username;

	private byte[] key;

	private byte[] realm;

	private byte[] nonce;

	public TurnClient(InetSocketAddress server) throws IOException {
		this.server = server;
		this.socket = new DatagramSocket(new InetSocketAddress(server.getAddress(), 0));
		this.socket.setSoTimeout(1000);
	}

	/**
	 * Allocates a UDP relay with these credentials.
	 * @return the answer: success with the relayed address, or the error code
	 */
	public Answer allocate(String username, String credential) throws IOException {
		Answer challenge = request(ALLOCATE, Map.of(REQUESTED_TRANSPORT, new byte[] { 17, 0, 0, 0 }), false);
		if (challenge.errorCode() != 401 || this.realm == null || this.nonce == null) {
			return challenge;
		}
		this.username = username;
		this.key = md5(username + ":" + new String(this.realm, StandardCharsets.UTF_8) + ":" + credential);
		return request(ALLOCATE, Map.of(REQUESTED_TRANSPORT, new byte[] { 17, 0, 0, 0 }), true);
	}

	/** Refreshes the allocation with the credentials it was made with (RFC 8656 §7). */
	public Answer refresh() throws IOException {
		return request(REFRESH, Map.of(), true);
	}

	/** Lets data from {@code peer} reach the allocation, and data to it leave (RFC 8656 §9). */
	public Answer createPermission(InetSocketAddress peer) throws IOException {
		return request(CREATE_PERMISSION, Map.of(XOR_PEER_ADDRESS, xorAddress(peer)), true);
	}

	/** Sends {@code data} to {@code peer} from the relayed address (a Send indication, no answer). */
	public void send(InetSocketAddress peer, byte[] data) throws IOException {
		Map<Integer, byte[]> attributes = new LinkedHashMap<>();
		attributes.put(XOR_PEER_ADDRESS, xorAddress(peer));
		attributes.put(DATA, data);
		byte[] message = encode(SEND_INDICATION, newTransactionId(), attributes, false);
		this.socket.send(new DatagramPacket(message, message.length, this.server));
	}

	private Answer request(int method, Map<Integer, byte[]> attributes, boolean authenticated) throws IOException {
		byte[] transactionId = newTransactionId();
		Map<Integer, byte[]> all = new LinkedHashMap<>(attributes);
		if (authenticated) {
			all.put(USERNAME, this.username.getBytes(StandardCharsets.UTF_8));
			all.put(REALM, this.realm);
			all.put(NONCE, this.nonce);
		}
		byte[] message = encode(method, transactionId, all, authenticated);
		byte[] buffer = new byte[2048];
		for (int attempt = 0; attempt < 5; attempt++) {
			this.socket.send(new DatagramPacket(message, message.length, this.server));
			try {
				while (true) {
					DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
					this.socket.receive(packet);
					ByteBuffer in = ByteBuffer.wrap(packet.getData(), 0, packet.getLength());
					if (packet.getLength() >= 20 && Arrays.equals(Arrays.copyOfRange(buffer, 8, 20), transactionId)) {
						return decode(in);
					}
				}
			}
			catch (SocketTimeoutException ex) {
				// resend
			}
		}
		throw new IOException("no answer from the TURN server at " + this.server);
	}

	private Answer decode(ByteBuffer in) {
		int type = in.getShort() & 0xFFFF;
		int length = in.getShort() & 0xFFFF;
		in.position(20);
		int errorCode = 0;
		InetSocketAddress relayed = null;
		while (in.position() < 20 + length) {
			int attribute = in.getShort() & 0xFFFF;
			int size = in.getShort() & 0xFFFF;
			byte[] value = new byte[size];
			in.get(value);
			in.position(in.position() + ((4 - size % 4) % 4));
			switch (attribute) {
				case ERROR_CODE -> errorCode = (value[2] & 0x7) * 100 + (value[3] & 0xFF);
				case REALM -> this.realm = value;
				case NONCE -> this.nonce = value;
				case XOR_RELAYED_ADDRESS -> relayed = fromXorAddress(value);
				default -> {
				}
			}
		}
		boolean success = (type & 0x0110) == 0x0100;
		return new Answer(success, errorCode, relayed);
	}

	private byte[] encode(int type, byte[] transactionId, Map<Integer, byte[]> attributes, boolean integrity) {
		ByteBuffer out = ByteBuffer.allocate(1500);
		out.putShort((short) type).putShort((short) 0).putInt(MAGIC_COOKIE).put(transactionId);
		attributes.forEach((attribute, value) -> {
			out.putShort(attribute.shortValue()).putShort((short) value.length).put(value);
			out.put(new byte[(4 - value.length % 4) % 4]);
		});
		if (integrity) {
			// The length covers MESSAGE-INTEGRITY itself (RFC 8489 §14.5); the HMAC covers
			// everything before it.
			out.putShort(2, (short) (out.position() - 20 + 24));
			byte[] hmac = hmacSha1(this.key, Arrays.copyOf(out.array(), out.position()));
			out.putShort((short) MESSAGE_INTEGRITY).putShort((short) 20).put(hmac);
		}
		out.putShort(2, (short) (out.position() - 20));
		return Arrays.copyOf(out.array(), out.position());
	}

	private static byte[] xorAddress(InetSocketAddress address) {
		byte[] ip = address.getAddress().getAddress();
		ByteBuffer out = ByteBuffer.allocate(8);
		out.put((byte) 0).put((byte) 1).putShort((short) (address.getPort() ^ (MAGIC_COOKIE >>> 16)));
		out.putInt(ByteBuffer.wrap(ip).getInt() ^ MAGIC_COOKIE);
		return out.array();
	}

	private static InetSocketAddress fromXorAddress(byte[] value) {
		ByteBuffer in = ByteBuffer.wrap(value);
		in.getShort();
		int port = (in.getShort() & 0xFFFF) ^ (MAGIC_COOKIE >>> 16);
		byte[] ip = ByteBuffer.allocate(4).putInt(in.getInt() ^ MAGIC_COOKIE).array();
		try {
			return new InetSocketAddress(InetAddress.getByAddress(ip), port);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] newTransactionId() {
		byte[] id = new byte[12];
		ThreadLocalRandom.current().nextBytes(id);
		return id;
	}

	private static byte[] md5(String text) {
		try {
			return MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] hmacSha1(byte[] key, byte[] data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(key, "HmacSHA1"));
			return mac.doFinal(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.socket.close();
	}

	/**
	 * What the server answered.
	 * @param success a success response
	 * @param errorCode the error response's code (401 unauthenticated, 438 stale nonce), else 0
	 * @param relayed the allocation's relayed address, for a successful Allocate
	 */
	public record Answer(boolean success, int errorCode, InetSocketAddress relayed) {
	}

}
