package asia.oncaller.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Keeps a client's live calls across a dropped connection ({@code docs/protocol.md} §2.1), as the
 * JavaScript SDK's {@code resume.js} does. A signed-in connection that drops (not
 * {@code disconnect()}) leaves its calls waiting for the resume window of the last
 * {@code authen}, and the client fires {@code reconnecting}; the reconnect carries that authen's
 * {@code resumeToken} in CONNECT, and on the next {@code authen} every waiting call sends
 * {@code call.resume} and the client fires {@code reconnected} once all have their answer. Past
 * the window, with none ({@code resumeWindowSeconds} 0, or a server without resume), or when the
 * client will not reconnect, the calls end here as {@code Connection lost}. On the event thread.
 */
final class CallResumer {

	static final String CONNECTION_LOST = "Connection lost";

	private enum State {

		/** Not signed in. */
		IDLE,
		/** Signed in. */
		UP,
		/** Dropped while signed in: reconnecting. */
		AWAY

	}

	private final ClientSession session;

	private final Consumer<String> reconnecting;

	private final Runnable reconnected;

	private State state = State.IDLE;

	private String token;

	private Duration window = Duration.ZERO;

	private ScheduledFuture<?> deadline;

	/** Counts drops, so that a deadline already posted when it was cancelled ends nothing. */
	private long drops;

	/**
	 * @param session the client's calls and event thread
	 * @param reconnecting fires {@code reconnecting} with the reason of the drop
	 * @param reconnected fires {@code reconnected}
	 */
	CallResumer(ClientSession session, Consumer<String> reconnecting, Runnable reconnected) {
		this.session = session;
		this.reconnecting = reconnecting;
		this.reconnected = reconnected;
	}

	/** Adds CONNECT's {@code resume-token} (the dropped connection's) while reconnecting. */
	void addHeaders(Map<String, String> headers) {
		if (this.state == State.AWAY && this.token != null) {
			headers.put("resume-token", this.token);
		}
	}

	/** A successful {@code authen}: remembers its token and window, and resumes the calls that waited. */
	void signedIn(Map<String, Object> authen) {
		boolean wasAway = this.state == State.AWAY;
		this.token = (authen.get("resumeToken") instanceof String t) ? t : null;
		long seconds = (authen.get("resumeWindowSeconds") instanceof Number n) ? Math.max(0, n.longValue()) : 0;
		this.window = Duration.ofSeconds(seconds);
		this.state = State.UP;
		if (!wasAway) {
			return;
		}
		cancelDeadline();
		this.session.endsWhenBack.back();
		List<CallRuntime> waiting = this.session.calls.live().stream().filter((call) -> call.callId != null).toList();
		if (waiting.isEmpty()) {
			this.reconnected.run();
			return;
		}
		AtomicInteger left = new AtomicInteger(waiting.size());
		waiting.forEach((call) -> call.resume(() -> {
			if (left.decrementAndGet() == 0) {
				this.reconnected.run();
			}
		}));
	}

	/**
	 * The signed-in connection dropped: the calls wait for the window, or end now.
	 * @param reason why it dropped
	 * @param willReconnect whether the client reconnects by itself
	 */
	void dropped(String reason, boolean willReconnect) {
		if (this.state != State.UP) {
			return;
		}
		if (!willReconnect) {
			this.state = State.IDLE;
			endCalls();
			return;
		}
		this.state = State.AWAY;
		this.session.endsWhenBack.away();
		long drop = ++this.drops;
		if (this.token != null && !this.window.isZero()) {
			this.deadline = this.session.events.schedule(() -> windowPassed(drop), this.window);
		}
		else {
			endCalls();
		}
		this.reconnecting.accept(reason);
	}

	/** {@code disconnect()}: nothing waits any more. */
	void stop() {
		cancelDeadline();
		this.state = State.IDLE;
		this.session.endsWhenBack.giveUp();
	}

	private void windowPassed(long drop) {
		if (drop == this.drops && this.state == State.AWAY) {
			this.deadline = null;
			endCalls();
		}
	}

	private void endCalls() {
		this.session.calls.live().forEach((call) -> call.connectionLost(CONNECTION_LOST));
		this.session.endsWhenBack.giveUp();
	}

	private void cancelDeadline() {
		if (this.deadline != null) {
			this.deadline.cancel(false);
			this.deadline = null;
		}
	}

}
