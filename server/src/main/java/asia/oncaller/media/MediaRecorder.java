package asia.oncaller.media;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;

/**
 * Has rtpengine record a call it relays: from {@link #start} on, rtpengine writes every RTP packet
 * it receives from either party, decrypted, into one pcap file per call under its
 * {@code --recording-dir} ({@code --recording-method=pcap}), and closes it when the call is
 * deleted. Each packet keeps the rtpengine port it arrived on, which tells whose it is; the
 * {@code recording} module turns the capture into audio (docs/recordings.md says why this way).
 */
@Service
public class MediaRecorder {

	private static final String PLAIN_RTP = "RTP/AVP";

	private final RtpEngineClient rtpengine;

	MediaRecorder(RtpEngineClient rtpengine) {
		this.rtpengine = rtpengine;
	}

	/**
	 * Starts recording the call and tells whose media arrives on which of rtpengine's ports.
	 * @param callId the rtpengine call, the Call-ID of the SIP dialog with the carrier
	 * @return the ports receiving the phone's media and those receiving the app's
	 * @throws RtpEngineException when rtpengine does not know the call (it has no media through
	 * rtpengine, or it ended meanwhile)
	 */
	public PartyPorts start(String callId) {
		Map<String, Object> query = this.rtpengine.request("query", Map.of("call-id", callId));
		this.rtpengine.request("start recording", Map.of("call-id", callId));
		return PartyPorts.of(query);
	}

	/**
	 * rtpengine's local ports by party, as its {@code query} shows the call's monologues: the
	 * phone's is the one on plain RTP/AVP, the app's on WebRTC's UDP/TLS/RTP/SAVPF; both parties
	 * of an anchored app-to-app call are on WebRTC and told apart by their tags. A call the server
	 * answered has both sides on plain RTP until its connect re-offers one to the app (the other
	 * side keeps its ports then): its phone is the monologue labelled
	 * {@link MediaBridge#PHONE_LABEL}, and every other port counts as the app's.
	 *
	 * @param phone the ports on which rtpengine receives the phone's RTP
	 * @param app the ports on which it receives the app's (both apps' for an app-to-app call; for
	 * a call the server answered, its other side's, whoever is there)
	 * @param byTag the ports on which it receives each party's, by the party's tag
	 */
	public record PartyPorts(Set<Integer> phone, Set<Integer> app, Map<String, Set<Integer>> byTag) {

		public PartyPorts {
			phone = Set.copyOf(phone);
			app = Set.copyOf(app);
			byTag = Map.copyOf(byTag);
		}

		/** The ports receiving the media of the party with that tag; none for a tag rtpengine does not know. */
		public Set<Integer> ofTag(String tag) {
			return this.byTag.getOrDefault(tag, Set.of());
		}

		@SuppressWarnings("unchecked")
		static PartyPorts of(Map<String, Object> query) {
			Set<Integer> phone = new HashSet<>();
			Set<Integer> app = new HashSet<>();
			Map<String, Set<Integer>> byTag = new HashMap<>();
			Object tags = query.get("tags");
			if (tags instanceof Map<?, ?> monologues) {
				boolean labelled = monologues.values()
					.stream()
					.anyMatch((monologue) -> isPhoneLabelled((Map<String, Object>) monologue));
				for (Map.Entry<?, ?> entry : monologues.entrySet()) {
					Map<String, Object> monologue = (Map<String, Object>) entry.getValue();
					Set<Integer> party = byTag.computeIfAbsent(String.valueOf(entry.getKey()), (tag) -> new HashSet<>());
					for (Map<String, Object> media : list(monologue.get("medias"))) {
						boolean isPhone = labelled ? isPhoneLabelled(monologue) : PLAIN_RTP.equals(media.get("protocol"));
						Set<Integer> ports = isPhone ? phone : app;
						for (Map<String, Object> stream : list(media.get("streams"))) {
							if (stream.get("local port") instanceof Number port) {
								ports.add(port.intValue());
								party.add(port.intValue());
							}
						}
					}
				}
			}
			return new PartyPorts(phone, app, byTag);
		}

		private static boolean isPhoneLabelled(Map<String, Object> monologue) {
			return MediaBridge.PHONE_LABEL.equals(monologue.get("label"));
		}

		@SuppressWarnings("unchecked")
		private static List<Map<String, Object>> list(Object value) {
			return (value instanceof List<?> list) ? (List<Map<String, Object>>) list : List.of();
		}

	}

}
