package asia.oncaller.call;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Marks the answered calls that this node holds a connection of as alive, every heartbeat
 * interval, and those it holds a phone leg of. Only the connections that placed or answered a
 * call are sent ({@link CallConnections}): no other may be named by a call, and sending every
 * connected client's id cost idle clients a statement per thousand of them every interval. A node that crashes stops marking its calls; after the heartbeat timeout any node's
 * {@link CallReaper#endLostCalls()} ends them, charged up to their last heartbeat. A call whose
 * legs are on two nodes stays alive while either node is.
 */
@Component
class CallHeartbeat {

	/**
	 * The answered calls of these connections, the ids as one array (built once, bound to both
	 * tests): one statement and one plan whatever their number. As one parameter per id, bound twice, it took a statement per
	 * thousand connections, each with a text and a plan of its own.
	 */
	private static final String MARK_SEEN = """
			UPDATE call SET last_seen_at = ?
			WHERE status = 'ANSWERED' AND (caller_connection_id = ANY (?) OR answered_connection_id = ANY (?))""";

	// PostgreSQL takes at most 32767 parameters per statement.
	private static final int BATCH = 1000;

	private final CallRepository calls;

	private final JdbcTemplate jdbc;

	private final Presence presence;

	private final CallConnections connections;

	private final Clock clock;

	private final ObjectProvider<PhoneNetwork> phones;

	CallHeartbeat(CallRepository calls, JdbcTemplate jdbc, Presence presence, CallConnections connections, Clock clock,
			ObjectProvider<PhoneNetwork> phones) {
		this.calls = calls;
		this.jdbc = jdbc;
		this.presence = presence;
		this.connections = connections;
		this.clock = clock;
		this.phones = phones;
	}

	@Scheduled(fixedDelayString = "${oncaller.call.heartbeat-interval:5s}")
	@Transactional
	public void beat() {
		List<String> connectionIds = openConnectionsInCalls();
		if (!connectionIds.isEmpty()) {
			markSeen(connectionIds, this.clock.instant());
		}
		// A phone leg keeps its call alive too: while a transfer rings, no app connection does.
		PhoneNetwork phones = this.phones.getIfAvailable();
		List<String> callIds = (phones != null) ? new ArrayList<>(phones.liveCallIds()) : List.of();
		for (int from = 0; from < callIds.size(); from += BATCH) {
			this.calls.markSeenById(callIds.subList(from, Math.min(from + BATCH, callIds.size())), this.clock.instant());
		}
	}

	private void markSeen(List<String> connectionIds, Instant now) {
		this.jdbc.update((connection) -> {
			PreparedStatement statement = connection.prepareStatement(MARK_SEEN);
			Array ids = connection.createArrayOf("text", connectionIds.toArray());
			statement.setObject(1, CallRows.timestamp(now));
			statement.setArray(2, ids);
			statement.setArray(3, ids);
			return statement;
		});
	}

	/**
	 * The connections that took part in a call and are still connected. One that closed while its
	 * call.make was under way may be left in the set; it is dropped here, or this node would keep
	 * its call alive. The set is read before the connections: a connection in it was connected
	 * before it got there, so it is among the connected ones unless it closed.
	 */
	private List<String> openConnectionsInCalls() {
		List<String> inCalls = new ArrayList<>(this.connections.ids());
		if (inCalls.isEmpty()) {
			return inCalls;
		}
		Set<String> connected = new HashSet<>(this.presence.connectionIds());
		List<String> open = new ArrayList<>(inCalls.size());
		for (String id : inCalls) {
			if (connected.contains(id)) {
				open.add(id);
			}
			else {
				this.connections.closed(id);
			}
		}
		return open;
	}

}
