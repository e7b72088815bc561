package asia.oncaller.trunks;

/** How DTMF digits travel to and from a trunk's carrier. */
public enum DtmfMode {

	/** As RFC 4733 telephone-event packets in the media stream. */
	RFC4733,
	/** As SIP INFO requests with an {@code application/dtmf-relay} body. */
	INFO

}
