package asia.oncaller.media;

import java.net.InetSocketAddress;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where rtpengine takes the audio for the phone of a call streamed by this server
 * ({@link MediaBridge#streamPhone}), and in which G.711 codec.
 *
 * @param rtpengine rtpengine's address and port for this server's side
 * @param payloadType {@link G711#PCMU} or {@link G711#PCMA}
 */
public record StreamedMedia(InetSocketAddress rtpengine, int payloadType) {

	private static final Pattern CONNECTION = Pattern.compile("^c=IN IP[46] (\\S+)", Pattern.MULTILINE);

	private static final Pattern AUDIO = Pattern.compile("^m=audio (\\d+) RTP/AVP((?: \\d+)+)", Pattern.MULTILINE);

	/** rtpengine's offer for this server's side: its address, port and first G.711 codec. */
	static StreamedMedia of(String sdp) {
		Matcher connection = CONNECTION.matcher(sdp);
		Matcher audio = AUDIO.matcher(sdp);
		if (!connection.find() || !audio.find()) {
			throw new RtpEngineException("rtpengine's offer has no plain RTP audio: " + sdp, (Throwable) null);
		}
		for (String type : audio.group(2).trim().split(" ")) {
			int payloadType = Integer.parseInt(type);
			if (G711.decodes(payloadType)) {
				return new StreamedMedia(new InetSocketAddress(connection.group(1), Integer.parseInt(audio.group(1))),
						payloadType);
			}
		}
		throw new RtpEngineException("rtpengine's offer has no G.711 codec: " + sdp, (Throwable) null);
	}

}
