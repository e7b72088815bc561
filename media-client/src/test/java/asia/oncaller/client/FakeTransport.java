package asia.oncaller.client;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import asia.oncaller.client.internal.transport.Transport;

/**
 * A {@link Transport} that connects at once, answers {@code authen} r=0 (or refuses with an
 * ERROR code), records what is sent and lets a test deliver server messages.
 */
final class FakeTransport implements Transport {

	final List<Map<String, Object>> sent = new CopyOnWriteArrayList<>();

	final List<String> destinations = new CopyOnWriteArrayList<>();

	volatile Map<String, String> connectHeaders;

	volatile Listener listener;

	volatile boolean closed;

	private final int refuseWith;

	private final Map<String, Object> authenFields;

	FakeTransport(int refuseWith, Map<String, Object> authenFields) {
		this.refuseWith = refuseWith;
		this.authenFields = authenFields;
	}

	@Override
	public CompletableFuture<Void> connect(String url, Map<String, String> headers, Listener listener) {
		this.connectHeaders = headers;
		this.listener = listener;
		if (this.refuseWith != 0) {
			listener.onError(this.refuseWith, "refused");
			return CompletableFuture.failedFuture(new IllegalStateException("closed by the server"));
		}
		CompletableFuture<Void> connected = CompletableFuture.completedFuture(null);
		Map<String, Object> authen = new HashMap<>(Map.of("type", "authen", "r", 0, "message", "Success", "userId",
				String.valueOf(headers.get("access-token")), "connectionId", "c1", "deviceId", headers.get("device-id")));
		authen.putAll(this.authenFields);
		listener.onAuthen(authen);
		return connected;
	}

	@Override
	public boolean send(String destination, Map<String, Object> body) {
		if (this.closed) {
			return false;
		}
		this.destinations.add(destination);
		this.sent.add(body);
		if (destination.equals("/app/call.hangup")) { // so that closing a client never waits
			deliver(Map.of("type", "reply", "requestId", body.get("requestId"), "r", 0, "message", "Success"));
		}
		return true;
	}

	@Override
	public void close() {
		this.closed = true;
	}

	/** Delivers a server message as if it came from {@code /user/queue/events}. */
	void deliver(Map<String, Object> message) {
		this.listener.onMessage(message);
	}

	/** Replies to the last request sent to {@code verb}. */
	void reply(String verb, int r) {
		reply(verb, r, Map.of());
	}

	/** Replies to the last request sent to {@code verb}, with more {@code fields}. */
	void reply(String verb, int r, Map<String, Object> fields) {
		Map<String, Object> reply = new HashMap<>(fields);
		reply.putAll(Map.of("type", "reply", "requestId", lastSentTo(verb).get("requestId"), "r", r, "message", "m" + r));
		deliver(reply);
	}

	/** The body of the last request sent to {@code verb}. */
	Map<String, Object> lastSentTo(String verb) {
		return this.sent.get(this.destinations.lastIndexOf("/app/" + verb));
	}

	boolean sentTo(String verb) {
		return this.destinations.contains("/app/" + verb);
	}

}
