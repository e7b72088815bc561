package asia.oncaller.signaling;

import java.util.HashMap;
import java.util.Map;

import asia.oncaller.auth.AuthCode;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Counts this node's WebSockets per source address and accepted connections per user, so that
 * one user or one address cannot take the server for itself (PROTOCOL §2). A WebSocket is
 * counted from open to close, whatever closes it, so a count never outlives its connection.
 * CONNECTs are rare next to frames, so one lock keeps both counts consistent without cost.
 */
@Component
class ConnectionLimits {

	private final Map<String, Connection> bySession = new HashMap<>();

	private final Map<String, Integer> perAddress = new HashMap<>();

	private final Map<String, Integer> perUser = new HashMap<>();

	private final int maxPerAddress;

	private final int maxPerUser;

	ConnectionLimits(SignalingProperties properties, MeterRegistry meters) {
		this.maxPerAddress = properties.maxConnectionsPerAddress();
		this.maxPerUser = properties.maxDevicesPerUser();
		Gauge.builder("oncaller.signaling.websockets", this, ConnectionLimits::open)
			.description("WebSockets open at /ws on this node, connected or not")
			.register(meters);
	}

	synchronized int open() {
		return this.bySession.size();
	}

	synchronized void opened(String sessionId, String address) {
		this.bySession.put(sessionId, new Connection(address));
		this.perAddress.merge(address, 1, Integer::sum);
	}

	/**
	 * Counts the session as a device of the user, or refuses it with code 12 when the user or
	 * the session's address already has as many as allowed.
	 */
	synchronized void admit(String sessionId, String principalName) {
		Connection connection = this.bySession.get(sessionId);
		if (connection == null || connection.user != null) {
			// Closed meanwhile, or a second CONNECT on the same WebSocket: nothing more to count.
			return;
		}
		if (this.perAddress.get(connection.address) > this.maxPerAddress
				|| this.perUser.getOrDefault(principalName, 0) >= this.maxPerUser) {
			throw new AuthenticationFailure(AuthCode.TOO_MANY_CONNECTIONS);
		}
		connection.user = principalName;
		this.perUser.merge(principalName, 1, Integer::sum);
	}

	synchronized boolean admitted(String sessionId) {
		Connection connection = this.bySession.get(sessionId);
		return connection != null && connection.user != null;
	}

	synchronized void closed(String sessionId) {
		Connection connection = this.bySession.remove(sessionId);
		if (connection == null) {
			return;
		}
		this.perAddress.computeIfPresent(connection.address, (address, count) -> (count > 1) ? count - 1 : null);
		if (connection.user != null) {
			this.perUser.computeIfPresent(connection.user, (user, count) -> (count > 1) ? count - 1 : null);
		}
	}

	private static final class Connection {

		private final String address;

		private String user;

		private Connection(String address) {
			this.address = address;
		}

	}

}
