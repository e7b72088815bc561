package asia.oncaller.call;

import java.util.Collection;

/** Which devices of a user are connected now, on any node; the signaling module keeps it. */
public interface Presence {

	/** Whether the user has a live connection, on this node or, in a cluster, on another. */
	boolean isOnline(String projectId, String userId);

	/** Every connection to this node, of any user: the calls this node keeps alive. */
	Collection<String> connectionIds();

}
