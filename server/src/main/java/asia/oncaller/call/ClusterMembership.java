package asia.oncaller.call;

import java.util.List;

/**
 * This node's place in a cluster (docs/cluster.md), as the nodes' heartbeats in PostgreSQL show
 * it. There is such a bean only when the server is one node of several; a single node has no
 * other node to take anything over from.
 */
public interface ClusterMembership {

	/** This node's id, unique in the cluster. */
	String nodeId();

	/** The nodes that missed their heartbeat for the node timeout: crashed, killed or cut off. */
	List<String> goneNodes();

}
