package asia.oncaller.call;

import java.util.List;

/** Sends events to connected clients; the signaling module provides it. */
public interface EventSender {

	/**
	 * Sends each event to its recipient, in order; a recipient with no connection misses it, and
	 * so does one with no user (the server that placed a call over REST).
	 */
	void send(List<Delivery> deliveries);

}
