package asia.oncaller.media;

/**
 * A DTMF digit that rtpengine saw in a call's media as an RFC 4733 event, published once per
 * key press (at its end).
 *
 * @param callId the SIP Call-ID of the call
 * @param tag the SIP tag of the party that pressed it (the phone's, for digits from a carrier)
 * @param digit {@code 0}-{@code 9}, {@code *}, {@code #} or {@code A}-{@code D}
 * @param durationMillis how long the key was held
 */
public record RtpDtmfReceived(String callId, String tag, char digit, long durationMillis) {

}
