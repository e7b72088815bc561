package asia.oncaller.client;

/**
 * Which ICE candidates a call's media may use, as WebRTC's {@code iceTransportPolicy}. Set it on
 * the client ({@link OnCallerClient#setIceTransportPolicy}) before calls start.
 */
public enum IceTransportPolicy {

	/** Any path: direct, through NAT (STUN), or through a TURN relay. The default. */
	ALL,

	/**
	 * Only through a TURN relay handed out by the server: the peer never learns this device's
	 * addresses, and media crosses networks that let nothing else through. Without a TURN server
	 * configured on the server, calls get no media.
	 */
	RELAY

}
