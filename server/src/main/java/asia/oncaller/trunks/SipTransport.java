package asia.oncaller.trunks;

/** The transport a trunk's SIP signaling uses. */
public enum SipTransport {

	UDP, TCP, TLS

}
