package asia.oncaller.call;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * The connections of this node that placed or answered a call, from just before the call's row
 * names them until they close. Only a request on a connection writes its id into a call (the
 * caller's {@code call.make}, the callee's {@code call.answer}, a device's {@code call.resume}),
 * and it arrives on the node that
 * holds the connection; so this set holds every connection of this node that a live call may
 * name, and usually far fewer than are connected. {@link CallHeartbeat} marks the calls of
 * these connections alone, and {@link CallReaper#connectionClosed} asks the database about
 * these alone, so that idle signed-in clients cost neither any database work.
 */
@Component
class CallConnections {

	private final Set<String> ids = ConcurrentHashMap.newKeySet();

	/** Called before a call's row is written with this connection as caller or answerer. */
	void takingPart(String connectionId) {
		if (connectionId != null) {
			this.ids.add(connectionId);
		}
	}

	/** Forgets a closed connection; whether it took part in any call while it was open. */
	boolean closed(String connectionId) {
		return this.ids.remove(connectionId);
	}

	/** The connections that took part in a call, of those still open. */
	Set<String> ids() {
		return this.ids;
	}

}
