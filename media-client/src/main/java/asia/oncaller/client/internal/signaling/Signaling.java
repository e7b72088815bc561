package asia.oncaller.client.internal.signaling;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import asia.oncaller.client.OnCallerError;
import asia.oncaller.client.OnCallerException;
import asia.oncaller.client.internal.transport.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests and replies over a {@link Transport}. Each request carries a fresh {@code requestId}
 * and completes with its reply, which may come in any order relative to other replies (the
 * server handles a connection's frames concurrently). Every reply and event is handed to the
 * client's event thread in arrival order, so a reply is always processed before the events that
 * its request caused.
 */
public final class Signaling {

	private static final Logger log = LoggerFactory.getLogger(Signaling.class);

	private final Map<String, CompletableFuture<Map<String, Object>>> pending = new ConcurrentHashMap<>();

	private final AtomicLong ids = new AtomicLong();

	private final String prefix = Long.toString(System.nanoTime() & 0xffffff, 36) + "-";

	private final Executor events;

	private final Duration timeout;

	private final Consumer<Map<String, Object>> eventHandler;

	private volatile Transport transport;

	/**
	 * @param events the client's event thread
	 * @param timeout how long a reply may take
	 * @param eventHandler gets every non-reply message, on {@code events}
	 */
	public Signaling(Executor events, Duration timeout, Consumer<Map<String, Object>> eventHandler) {
		this.events = events;
		this.timeout = timeout;
		this.eventHandler = eventHandler;
	}

	/** Uses {@code transport} from now on ({@code null} when disconnected). */
	public void use(Transport transport) {
		this.transport = transport;
	}

	/**
	 * Sends {@code SEND /app/<verb>} and completes, on the event thread, with the reply map.
	 * Completes exceptionally with {@link OnCallerException} 1004 when not connected, 1006 when
	 * no reply comes in time, 1007 when the connection is lost meanwhile.
	 */
	public CompletableFuture<Map<String, Object>> request(String verb, Map<String, Object> body) {
		String requestId = this.prefix + this.ids.incrementAndGet();
		CompletableFuture<Map<String, Object>> reply = new CompletableFuture<>();
		this.pending.put(requestId, reply);
		if (!send(verb, body, requestId)) {
			this.pending.remove(requestId);
			reply.completeExceptionally(new OnCallerException(OnCallerError.NOT_CONNECTED, verb));
			return reply;
		}
		CompletableFuture<Map<String, Object>> result = new CompletableFuture<>();
		reply.orTimeout(this.timeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((map, ex) -> {
			this.pending.remove(requestId);
			if (ex == null) {
				result.complete(map); // already on the event thread, before the next message
			}
			else {
				Throwable error = (ex instanceof TimeoutException) ? new OnCallerException(OnCallerError.REQUEST_TIMEOUT,
						verb + " after " + this.timeout.toMillis() + " ms") : ex;
				this.events.execute(() -> result.completeExceptionally(error));
			}
		});
		return result;
	}

	/**
	 * Sends a request whose success has no reply ({@code call.sdp}, {@code call.candidate},
	 * {@code call.mediastate}); a failure reply is logged.
	 * @return false when not connected
	 */
	public boolean tell(String verb, Map<String, Object> body) {
		return send(verb, body, this.prefix + "t" + this.ids.incrementAndGet());
	}

	private boolean send(String verb, Map<String, Object> body, String requestId) {
		Transport current = this.transport;
		if (current == null) {
			return false;
		}
		Map<String, Object> frame = new LinkedHashMap<>(body);
		frame.put("requestId", requestId);
		return current.send("/app/" + verb, frame);
	}

	/** Called on the event thread with each message of {@code /user/queue/events}. */
	public void onMessage(Map<String, Object> message) {
		if ("reply".equals(message.get("type"))) {
			CompletableFuture<Map<String, Object>> reply = this.pending.get(String.valueOf(message.get("requestId")));
			if (reply != null) {
				reply.complete(message);
			}
			else {
				log.debug("Reply without a waiting request: {}", message);
			}
			return;
		}
		this.eventHandler.accept(message);
	}

	/** Fails every waiting request with 1007; on the event thread. */
	public void connectionLost() {
		this.transport = null;
		this.pending.values()
			.forEach((reply) -> reply.completeExceptionally(new OnCallerException(OnCallerError.CONNECTION_LOST, null)));
	}

}
