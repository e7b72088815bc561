package asia.oncaller.client;

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

	FakeTransport(int refuseWith) {
		this.refuseWith = refuseWith;
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
		listener.onAuthen(Map.of("type", "authen", "r", 0, "message", "Success", "userId",
				String.valueOf(headers.get("access-token")), "connectionId", "c1", "deviceId", headers.get("device-id")));
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
		int index = this.destinations.lastIndexOf("/app/" + verb);
		deliver(Map.of("type", "reply", "requestId", this.sent.get(index).get("requestId"), "r", r, "message", "m" + r));
	}

	boolean sentTo(String verb) {
		return this.destinations.contains("/app/" + verb);
	}

}
