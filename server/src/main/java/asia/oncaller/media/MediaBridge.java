package asia.oncaller.media;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;

/**
 * Bridges the media of a phone leg: the app's WebRTC (ICE, DTLS-SRTP, rtcp-mux, Opus and G.711)
 * on one side, the carrier's plain RTP/AVP with G.711 on the other, with rtpengine in between.
 * It also anchors an app-to-app call that must not be peer to peer ({@link #offerBetweenApps}):
 * WebRTC on both sides.
 * The SIP code calls it with the identifiers of the SIP dialog toward the carrier and puts the SDP
 * it returns into its messages; the same call-id and tags also serve re-offers (hold, unhold).
 * <p>
 * Codecs are cut to PCMU, PCMA and telephone-event/8000 on both sides so that rtpengine only
 * relays, never transcodes: every WebRTC stack (Chromium, Firefox, Safari, libwebrtc behind the
 * Java SDK) offers and accepts PCMU and PCMA, as RFC 7874 requires of WebRTC endpoints.
 * <p>
 * Trickle ICE: the app's candidates, sent after its SDP, need not be passed on. rtpengine answers
 * the app's connectivity checks from any address and learns it as a peer-reflexive candidate
 * (RFC 8445 §7.3.1.3), then checks back and runs DTLS to it; {@code MediaBridgeTests} shows this
 * against a real rtpengine. The SIP side may therefore drop {@code call.candidate} frames of a
 * phone leg.
 * <p>
 * Every offer and answer carries rtpengine's {@code inject DTMF} flag, which {@link #playDtmf}
 * needs; it routes the audio through rtpengine's codec layer, cheap for G.711.
 */
@Service
public class MediaBridge {

	/** The discard port of rtpengine's loopback: where a phone's audio goes while nobody hears it. */
	public static final InetSocketAddress DISCARD = new InetSocketAddress("127.0.0.1", 9);

	private static final Pattern DIGITS = Pattern.compile("[0-9*#A-D]+");

	/** What both sides may use: G.711 and RFC 4733 events at its clock rate, nothing to transcode. */
	private static final Map<String, Object> G711_ONLY = Map.of("strip", List.of("all"), "except",
			List.of("PCMU", "PCMA", "telephone-event/8000"));

	private static final List<String> REPLACE = List.of("origin", "session-connection");

	/** SDP for the carrier: plain RTP, no ICE, no DTLS or SDES, RTCP on its own port, G.711. */
	private static final Map<String, Object> TOWARD_PHONE = Map.of("ICE", "remove", "DTLS", "off", "SDES",
			List.of("off"), "rtcp-mux", List.of("demux"), "transport-protocol", "RTP/AVP", "codec", G711_ONLY,
			"flags", List.of("inject DTMF", "strip extmap"), "replace", REPLACE);

	/**
	 * SDP for the app: rtpengine as the only ICE candidate, DTLS-SRTP (SDES off: a browser would
	 * ignore a=crypto next to a fingerprint), rtcp-mux required as browsers do, a=mid for BUNDLE.
	 */
	private static final Map<String, Object> TOWARD_APP = Map.of("ICE", "force", "SDES", List.of("off"), "rtcp-mux",
			List.of("require"), "transport-protocol", "UDP/TLS/RTP/SAVPF", "codec", G711_ONLY, "flags",
			List.of("inject DTMF", "generate mid"), "replace", REPLACE);

	/**
	 * rtpengine's label of the carrier's side of a call the server answered ({@link #anchorPhone}):
	 * until a connect re-offers the other side to an app both sides are plain RTP, so a recording
	 * started at the server's answer tells the phone's ports by this label ({@link MediaRecorder}).
	 */
	public static final String PHONE_LABEL = "phone";

	/** The tag of the caller's side of an anchored app-to-app call at rtpengine. */
	public static final String APP_CALLER_TAG = "caller";

	/** The tag of the callee's side of an anchored app-to-app call at rtpengine. */
	public static final String APP_CALLEE_TAG = "callee";

	/**
	 * SDP for an app from the other app of an anchored app-to-app call: as {@link #TOWARD_APP},
	 * without {@code inject DTMF} (the apps send each other DTMF over signaling), so that
	 * rtpengine relays the packets as they come rather than through its codec layer.
	 */
	private static final Map<String, Object> BETWEEN_APPS = Map.of("ICE", "force", "SDES", List.of("off"),
			"rtcp-mux", List.of("require"), "transport-protocol", "UDP/TLS/RTP/SAVPF", "codec", G711_ONLY, "flags",
			List.of("generate mid"), "replace", REPLACE);

	/**
	 * SDP for the placeholder of an app caller the server answers ({@link #anchorAppCaller}): plain
	 * RTP as toward a phone, without {@code inject DTMF}, as between apps (the app's digits come
	 * over signaling), so that a later re-offer to the callee app relays as between apps.
	 */
	private static final Map<String, Object> APP_TO_PLACEHOLDER = Map.of("ICE", "remove", "DTLS", "off", "SDES",
			List.of("off"), "rtcp-mux", List.of("demux"), "transport-protocol", "RTP/AVP", "codec", G711_ONLY,
			"flags", List.of("strip extmap"), "replace", REPLACE);

	private final RtpEngineClient rtpengine;

	private static final Pattern MID = Pattern.compile("^a=mid:(\\S+)", Pattern.MULTILINE);

	MediaBridge(RtpEngineClient rtpengine) {
		this.rtpengine = rtpengine;
	}

	/**
	 * The app calls a phone: turns the app's WebRTC offer into the offer for the carrier.
	 * @param callId the Call-ID of the INVITE toward the carrier
	 * @param fromTag its From tag (the app's side)
	 * @param webRtcSdp the app's offer (or re-offer, such as hold with {@code a=sendonly})
	 * @return a plain RTP/AVP offer: no ICE, no DTLS, RTCP on its own port, G.711 only
	 */
	public String offerToPhone(String callId, String fromTag, String webRtcSdp) {
		return sdp(request("offer", callId, fromTag, null, webRtcSdp, TOWARD_PHONE));
	}

	/**
	 * The carrier answered the app's call: turns its answer into the answer for the app.
	 * @param callId the Call-ID of the INVITE toward the carrier
	 * @param fromTag its From tag (the app's side)
	 * @param toTag the To tag of the carrier's answer
	 * @param plainSdp the carrier's answer
	 * @return a WebRTC answer: UDP/TLS/RTP/SAVPF, rtpengine as the only ICE candidate, DTLS
	 * fingerprint, rtcp-mux
	 */
	public String answerFromPhone(String callId, String fromTag, String toTag, String plainSdp) {
		return bundled(sdp(request("answer", callId, fromTag, toTag, plainSdp, TOWARD_APP)));
	}

	/**
	 * A phone calls an app: turns the carrier's offer into the offer for the app.
	 * @param callId the Call-ID of the carrier's INVITE
	 * @param fromTag its From tag (the carrier's side)
	 * @param plainSdp the carrier's offer (or re-offer)
	 * @return a WebRTC offer: UDP/TLS/RTP/SAVPF, ICE with rtpengine as candidate, DTLS
	 * ({@code setup:actpass}), rtcp-mux, a=mid, G.711 only
	 */
	public String offerToApp(String callId, String fromTag, String plainSdp) {
		return bundled(sdp(request("offer", callId, fromTag, null, plainSdp, TOWARD_APP)));
	}

	/**
	 * The app answered a phone's call: turns the app's answer into the answer for the carrier.
	 * @param callId the Call-ID of the carrier's INVITE
	 * @param fromTag its From tag (the carrier's side)
	 * @param toTag the To tag the server answers the carrier with
	 * @param webRtcSdp the app's answer
	 * @return a plain RTP/AVP answer: no ICE, no DTLS, G.711
	 */
	public String answerFromApp(String callId, String fromTag, String toTag, String webRtcSdp) {
		return sdp(request("answer", callId, fromTag, toTag, webRtcSdp, TOWARD_PHONE));
	}

	/**
	 * An app-to-app call anchored at rtpengine (its SCCO records it, or says
	 * {@code peerToPeerCall: false}): turns one app's offer (or re-offer) into the offer for the
	 * other app. WebRTC on both sides, rtpengine terminating ICE and DTLS-SRTP toward each, so the
	 * apps never learn each other's addresses or keys, and G.711 only, as for phone legs, so
	 * rtpengine relays without transcoding.
	 * @param callId the call's id at rtpengine
	 * @param fromTag the offering app's side
	 * @param toTag the other app's side
	 * @param webRtcSdp the offering app's SDP
	 * @return a WebRTC offer with rtpengine as the only ICE candidate and its DTLS fingerprint
	 */
	public String offerBetweenApps(String callId, String fromTag, String toTag, String webRtcSdp) {
		return bundled(sdp(request("offer", callId, fromTag, toTag, webRtcSdp, BETWEEN_APPS)));
	}

	/**
	 * The other app answered an anchored app-to-app offer ({@link #offerBetweenApps}): turns its
	 * answer into the answer for the offering app.
	 * @param callId the call's id at rtpengine
	 * @param fromTag the offering app's side
	 * @param toTag the answering app's side
	 * @param webRtcSdp the answering app's SDP
	 * @return a WebRTC answer with rtpengine as the only ICE candidate and its DTLS fingerprint
	 */
	public String answerBetweenApps(String callId, String fromTag, String toTag, String webRtcSdp) {
		return bundled(sdp(request("answer", callId, fromTag, toTag, webRtcSdp, BETWEEN_APPS)));
	}

	/**
	 * A phone calls a number whose SCCO runs actions first (play, input...): the server answers
	 * the carrier itself, its media anchored at rtpengine with nobody yet on the other side, so
	 * that {@link MediaPlayer} can play to the phone and the phone's RFC 4733 digits are reported.
	 * The other side is a placeholder, RTP/AVP at the discard port of rtpengine's loopback, which
	 * the phone's audio goes to until {@link #offerToApp} re-offers the call to an app, as a
	 * transfer does.
	 * @param callId the Call-ID of the carrier's INVITE
	 * @param fromTag its From tag (the carrier's side)
	 * @param toTag the To tag the server answers the carrier with
	 * @param plainSdp the carrier's offer
	 * @return the plain RTP/AVP answer for the carrier
	 */
	public String anchorPhone(String callId, String fromTag, String toTag, String plainSdp) {
		return anchorPhoneTo(callId, fromTag, toTag, plainSdp, DISCARD);
	}

	/**
	 * As {@link #anchorPhone}, with the phone's audio sent to {@code listener} (IPv4, as
	 * rtpengine sees it) instead of nowhere: a server-side socket that records what the phone
	 * says ({@code recordMessage}). The carrier's side keeps its ports, so the carrier needs no
	 * new offer; called again with {@link #DISCARD}, the audio goes nowhere again.
	 * @param plainSdp the carrier's offer, as it set the call up
	 * @return the plain RTP/AVP answer for the carrier (the one it already has)
	 */
	public String anchorPhoneTo(String callId, String fromTag, String toTag, String plainSdp,
			InetSocketAddress listener) {
		Map<String, Object> labelled = new HashMap<>(TOWARD_PHONE);
		// Of the offer's from-tag, the carrier's monologue; rtpengine keeps it through later offers.
		labelled.put("label", PHONE_LABEL);
		request("offer", callId, fromTag, null, plainSdp, labelled);
		return sdp(request("answer", callId, fromTag, toTag, placeholder(listener), TOWARD_PHONE));
	}

	/** A plain RTP/AVP answer with G.711 at {@code listener}, which receives what rtpengine relays. */
	private static String placeholder(InetSocketAddress listener) {
		String address = listener.getAddress().getHostAddress();
		return "v=0\r\no=- 1 1 IN IP4 " + address + "\r\ns=-\r\nc=IN IP4 " + address + "\r\nt=0 0\r\n"
				+ "m=audio " + listener.getPort() + " RTP/AVP 0 8 101\r\na=rtpmap:0 PCMU/8000\r\n"
				+ "a=rtpmap:8 PCMA/8000\r\na=rtpmap:101 telephone-event/8000\r\na=sendrecv\r\n";
	}

	/**
	 * An app user calls and the SCCO runs actions first: the server answers the app's WebRTC offer
	 * (or re-offer) itself, at rtpengine under the call's id, the app's side tagged
	 * {@link #APP_CALLER_TAG} and the other {@link #APP_CALLEE_TAG}, a placeholder (plain RTP at
	 * {@code listener}, {@link #DISCARD} while nobody listens) until {@link #offerBetweenApps}
	 * re-offers the caller's side to the callee app, as a transfer re-offers a phone's. Meanwhile
	 * {@link MediaPlayer} plays to the caller's tag.
	 * @param callId the call's id at rtpengine
	 * @param webRtcSdp the app's offer
	 * @param listener where the app's audio goes (IPv4, as rtpengine sees it)
	 * @return the WebRTC answer for the app, rtpengine as the only ICE candidate
	 */
	public String anchorAppCaller(String callId, String webRtcSdp, InetSocketAddress listener) {
		request("offer", callId, APP_CALLER_TAG, APP_CALLEE_TAG, webRtcSdp, APP_TO_PLACEHOLDER);
		return bundled(sdp(request("answer", callId, APP_CALLER_TAG, APP_CALLEE_TAG, placeholder(listener),
				BETWEEN_APPS)));
	}

	/**
	 * Points the other side of an anchored phone call ({@link #anchorPhone}) at a UDP socket of
	 * this server, which then hears the phone's audio as plain RTP and sends RTP back for the
	 * phone to hear: a re-offer of the phone's side, as {@link #offerToApp} makes it, answered
	 * with the socket's address and the first G.711 codec rtpengine offered (so it only relays).
	 * The phone's own SDP stays as it was answered.
	 * @param callId the Call-ID of the carrier's INVITE
	 * @param fromTag its From tag (the carrier's side)
	 * @param toTag the To tag the server answered the carrier with
	 * @param plainSdp the carrier's offer
	 * @param socket where this server receives the phone's audio
	 * @return where to send the audio for the phone, and in which codec
	 */
	public StreamedMedia streamPhone(String callId, String fromTag, String toTag, String plainSdp,
			InetSocketAddress socket) {
		StreamedMedia rtpengine = StreamedMedia.of(sdp(request("offer", callId, fromTag, null, plainSdp, TOWARD_PHONE)));
		int pt = rtpengine.payloadType();
		String ip = (socket.getAddress() instanceof Inet6Address) ? "IP6" : "IP4";
		String address = socket.getAddress().getHostAddress();
		String answer = "v=0\r\no=- 1 1 IN " + ip + " " + address + "\r\ns=-\r\nc=IN " + ip + " " + address
				+ "\r\nt=0 0\r\nm=audio " + socket.getPort() + " RTP/AVP " + pt + " 101\r\na=rtpmap:" + pt + " "
				+ ((pt == G711.PCMU) ? "PCMU" : "PCMA") + "/8000\r\na=rtpmap:101 telephone-event/8000\r\na=sendrecv\r\n";
		request("answer", callId, fromTag, toTag, answer, TOWARD_PHONE);
		return rtpengine;
	}

	/**
	 * The WebRTC SDP with its one media section in a BUNDLE group. rtpengine 10.5 leaves the group
	 * out; an app whose offer bundled (every browser's does) and that insists on it
	 * ({@code bundlePolicy: max-bundle}) refuses an answer without it. With one section on one
	 * rtcp-muxed port the group changes nothing else.
	 */
	static String bundled(String sdp) {
		Matcher mid = MID.matcher(sdp);
		if (sdp.contains("a=group:BUNDLE") || sdp.indexOf("\nm=") != sdp.lastIndexOf("\nm=") || !mid.find()) {
			return sdp;
		}
		int media = sdp.indexOf("\nm=") + 1;
		return sdp.substring(0, media) + "a=group:BUNDLE " + mid.group(1) + "\r\n" + sdp.substring(media);
	}

	/**
	 * Ends the media of a call and frees its ports. Idempotent: for a call rtpengine no longer
	 * knows (deleted already, or timed out for lack of media) it only warns.
	 */
	public void delete(String callId) {
		this.rtpengine.request("delete", Map.of("call-id", callId));
	}

	/**
	 * Sends DTMF as RFC 4733 events (or tones, where the receiver has no telephone-event) from one
	 * party to the other, 250 ms each with 100 ms between (rtpengine's defaults).
	 * <p>
	 * rtpengine takes the timing of the events from the party's own audio, so the party must be
	 * sending media: before its first packet, rtpengine refuses with "No SSRC context present for
	 * DTMF injection".
	 * @param callId the Call-ID of the call
	 * @param tag the SIP tag of the party the digits come from (the app's, to reach the phone)
	 * @param digits {@code 0-9}, {@code *}, {@code #}, {@code A-D}, played in order
	 */
	public void playDtmf(String callId, String tag, String digits) {
		if (digits == null || !DIGITS.matcher(digits).matches()) {
			throw new IllegalArgumentException("DTMF digits must be 0-9, *, #, A-D: '" + digits + "'");
		}
		// rtpengine queues consecutive events of a party, so one request per digit keeps the order.
		for (char digit : digits.toCharArray()) {
			this.rtpengine.request("play DTMF", Map.of("call-id", callId, "from-tag", tag, "code", String.valueOf(digit)));
		}
	}

	/**
	 * The direction's flags apply to the SDP that rtpengine returns; in an answer, rtpengine only
	 * uses those that concern the answer (ICE, protocol, rtcp-mux) and ignores the offer-only ones
	 * (codec).
	 */
	private Map<String, Object> request(String command, String callId, String fromTag, String toTag, String sdp,
			Map<String, Object> direction) {
		Map<String, Object> arguments = new HashMap<>(direction);
		arguments.put("call-id", callId);
		arguments.put("from-tag", fromTag);
		if (toTag != null) {
			arguments.put("to-tag", toTag);
		}
		arguments.put("sdp", sdp);
		return this.rtpengine.request(command, arguments);
	}

	private static String sdp(Map<String, Object> reply) {
		Object sdp = reply.get("sdp");
		if (!(sdp instanceof String)) {
			throw new RtpEngineException("rtpengine's reply has no SDP", (Throwable) null);
		}
		return (String) sdp;
	}

}
