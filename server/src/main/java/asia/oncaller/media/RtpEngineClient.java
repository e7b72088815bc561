package asia.oncaller.media;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client of rtpengine's ng control protocol over UDP: each request is {@code cookie} + space +
 * a bencoded dictionary, and the reply carries the same cookie.
 * <p>
 * One socket serves every caller: requests wait on a future registered under their cookie, and
 * one receiver thread completes them, so any number of threads may call {@link #request} at once.
 * The socket is not connected, on purpose: a connected UDP socket would turn an ICMP "port
 * unreachable" (rtpengine restarting) into an exception on the receiver thread. A request that
 * gets no reply in time is sent again with the same cookie, which rtpengine answers from its
 * reply cache rather than acting on it twice.
 */
class RtpEngineClient implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(RtpEngineClient.class);

	private static final int MAX_DATAGRAM = 65_507;

	private final InetSocketAddress rtpengine;

	private final Duration timeout;

	private final int retries;

	private final DatagramReceiver receiver;

	/** Unique across restarts and nodes, so that rtpengine's cache never answers a stale cookie. */
	private final String cookiePrefix = UUID.randomUUID().toString().substring(0, 8) + "_";

	private final AtomicLong sequence = new AtomicLong();

	private final Map<String, CompletableFuture<Map<String, Object>>> pending = new ConcurrentHashMap<>();

	RtpEngineClient(InetSocketAddress rtpengine, Duration timeout, int retries) {
		this.rtpengine = rtpengine;
		this.timeout = timeout;
		this.retries = retries;
		try {
			this.receiver = new DatagramReceiver(new DatagramSocket(), "rtpengine-ng", MAX_DATAGRAM, this::dispatch);
		}
		catch (SocketException ex) {
			throw new IllegalStateException("Cannot open a UDP socket for rtpengine's ng protocol", ex);
		}
	}

	/**
	 * Sends one ng command and waits for its reply.
	 * @param command the ng {@code command}, e.g. {@code offer}
	 * @param arguments the rest of the request dictionary
	 * @return the reply dictionary, whose {@code result} is not {@code error}
	 * @throws RtpEngineException on {@code result: error}, with rtpengine's {@code error-reason}
	 * @throws RtpEngineTimeoutException when neither the request nor its resends got a reply
	 */
	Map<String, Object> request(String command, Map<String, Object> arguments) {
		Map<String, Object> dictionary = new HashMap<>(arguments);
		dictionary.put("command", command);
		String cookie = this.cookiePrefix + this.sequence.incrementAndGet();
		byte[] message = concat((cookie + " ").getBytes(StandardCharsets.US_ASCII), Bencode.encode(dictionary));
		if (message.length > MAX_DATAGRAM) {
			throw new IllegalArgumentException("ng request of " + message.length + " bytes does not fit a datagram");
		}
		CompletableFuture<Map<String, Object>> reply = new CompletableFuture<>();
		this.pending.put(cookie, reply);
		try {
			for (int attempt = 0; attempt <= this.retries; attempt++) {
				send(message);
				try {
					return checked(command, reply.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS));
				}
				catch (TimeoutException ex) {
					logger.debug("No reply from rtpengine at {} to '{}' ({}), attempt {}", this.rtpengine, command,
							cookie, attempt + 1);
				}
			}
			throw new RtpEngineTimeoutException("rtpengine at " + this.rtpengine + " did not answer '" + command
					+ "' in " + (this.retries + 1) + " x " + this.timeout.toMillis() + " ms");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new RtpEngineException("Interrupted waiting for rtpengine's reply to '" + command + "'", ex);
		}
		catch (ExecutionException ex) {
			throw new RtpEngineException("ng socket closed waiting for '" + command + "'", ex.getCause());
		}
		finally {
			this.pending.remove(cookie);
		}
	}

	private static Map<String, Object> checked(String command, Map<String, Object> reply) {
		if ("error".equals(reply.get("result"))) {
			throw new RtpEngineException(command, String.valueOf(reply.get("error-reason")));
		}
		Object warning = reply.get("warning");
		if (warning != null) {
			logger.warn("rtpengine warns on '{}': {}", command, warning);
		}
		return reply;
	}

	private void send(byte[] message) {
		try {
			this.receiver.socket().send(new DatagramPacket(message, message.length, this.rtpengine));
		}
		catch (IOException ex) {
			// Like a lost datagram: the wait times out and the request is sent again.
			logger.debug("Sending to rtpengine at {} failed: {}", this.rtpengine, ex.toString());
		}
	}

	@SuppressWarnings("unchecked")
	private void dispatch(DatagramPacket packet) {
		byte[] data = packet.getData();
		int end = packet.getOffset() + packet.getLength();
		int space = packet.getOffset();
		while (space < end && data[space] != ' ') {
			space++;
		}
		String cookie = new String(data, packet.getOffset(), space - packet.getOffset(), StandardCharsets.US_ASCII);
		CompletableFuture<Map<String, Object>> reply = this.pending.get(cookie);
		if (reply == null) {
			// The answer to a resend of a request that has been answered already, or a stranger.
			return;
		}
		Object dictionary = Bencode.decode(data, space + 1, end - space - 1);
		if (!(dictionary instanceof Map)) {
			throw new IllegalArgumentException("ng reply is not a dictionary");
		}
		reply.complete((Map<String, Object>) dictionary);
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] all = Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, all, first.length, second.length);
		return all;
	}

	@Override
	public void close() {
		this.receiver.close();
		IllegalStateException closed = new IllegalStateException("closed");
		this.pending.values().forEach((reply) -> reply.completeExceptionally(closed));
	}

}
