package asia.oncaller.call;

/**
 * Carries requests to another node of the cluster, through the broker the nodes share; the node
 * publishes each request it receives as an application event, in the order one node sent them.
 * There is such a bean only in a cluster.
 */
public interface NodeMailbox {

	/** Sends the request to the node with this id. */
	void send(String nodeId, PhoneLegRequest request);

}
