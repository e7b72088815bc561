package asia.oncaller.signaling;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;

import org.springframework.scheduling.TaskScheduler;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.standard.StandardWebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;

/**
 * Sees every WebSocket of {@code /ws} open and close, the one place every close path passes
 * through: it counts the WebSocket in {@link ConnectionLimits} for exactly its lifetime, and
 * closes one that has no accepted CONNECT after the connect timeout, since an idle WebSocket
 * costs its buffers and needs no token (PROTOCOL §2).
 */
class ConnectionTracker extends WebSocketHandlerDecorator {

	private static final String DEADLINE = ConnectionTracker.class.getName() + ".deadline";

	// Tomcat blocks a send to a client that stopped reading for this long (20 s by default),
	// holding an outbound thread; it should give up no later than the session's send time limit.
	private static final String TOMCAT_BLOCKING_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";

	private static final CloseStatus NO_CONNECT = CloseStatus.POLICY_VIOLATION.withReason("No CONNECT in time");

	private final ConnectionLimits limits;

	private final TaskScheduler scheduler;

	private final Duration connectTimeout;

	private final Duration sendTimeLimit;

	ConnectionTracker(WebSocketHandler delegate, ConnectionLimits limits, TaskScheduler scheduler,
			SignalingProperties properties) {
		super(delegate);
		this.limits = limits;
		this.scheduler = scheduler;
		this.connectTimeout = properties.connectTimeout();
		this.sendTimeLimit = properties.sendTimeLimit();
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession session) throws Exception {
		this.limits.opened(session.getId(), address(session));
		if (session instanceof StandardWebSocketSession standard) {
			standard.getNativeSession()
				.getUserProperties()
				.put(TOMCAT_BLOCKING_SEND_TIMEOUT, this.sendTimeLimit.toMillis());
		}
		session.getAttributes()
			.put(DEADLINE, this.scheduler.schedule(() -> closeIfNotConnected(session),
					Instant.now().plus(this.connectTimeout)));
		super.afterConnectionEstablished(session);
	}

	@Override
	public void afterConnectionClosed(WebSocketSession session, CloseStatus closeStatus) throws Exception {
		try {
			super.afterConnectionClosed(session, closeStatus);
		}
		finally {
			this.limits.closed(session.getId());
			if (session.getAttributes().get(DEADLINE) instanceof ScheduledFuture<?> deadline) {
				deadline.cancel(false);
			}
		}
	}

	private void closeIfNotConnected(WebSocketSession session) {
		if (session.isOpen() && !this.limits.admitted(session.getId())) {
			try {
				session.close(NO_CONNECT);
			}
			catch (Exception ex) {
				// Closed by the client meanwhile: nothing left to do.
			}
		}
	}

	private static String address(WebSocketSession session) {
		InetSocketAddress remote = session.getRemoteAddress();
		return (remote != null && remote.getAddress() != null) ? remote.getAddress().getHostAddress() : "unknown";
	}

}
