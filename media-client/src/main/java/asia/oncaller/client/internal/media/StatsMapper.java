package asia.oncaller.client.internal.media;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import asia.oncaller.client.CallStats;
import asia.oncaller.client.RtpStats;
import dev.onvoid.webrtc.RTCStats;
import dev.onvoid.webrtc.RTCStatsReport;
import dev.onvoid.webrtc.RTCStatsType;

/**
 * Turns WebRTC's stats report into {@link CallStats}. Attribute types vary ({@code bytesReceived}
 * is a {@code BigInteger}, {@code packetsLost} an {@code Integer}, ...), so every number is read
 * as a {@link Number}.
 */
final class StatsMapper {

	private StatsMapper() {
	}

	static CallStats map(RTCStatsReport report) {
		Map<String, RTCStats> all = report.getStats();
		List<RtpStats> streams = new ArrayList<>();
		for (RTCStats stats : all.values()) {
			boolean inbound = stats.getType() == RTCStatsType.INBOUND_RTP;
			if (!inbound && stats.getType() != RTCStatsType.OUTBOUND_RTP) {
				continue;
			}
			Map<String, Object> a = stats.getAttributes();
			String kind = String.valueOf(a.getOrDefault("kind", a.get("mediaType")));
			RTCStats codec = all.get(String.valueOf(a.get("codecId")));
			String mime = (codec != null) ? (String) codec.getAttributes().get("mimeType") : null;
			streams.add(new RtpStats(kind, inbound, mime, number(a, inbound ? "bytesReceived" : "bytesSent"),
					number(a, inbound ? "packetsReceived" : "packetsSent"), number(a, "packetsLost"),
					decimal(a, "jitter", 0), number(a, inbound ? "framesDecoded" : "framesEncoded"),
					(int) number(a, "frameWidth"), (int) number(a, "frameHeight"), decimal(a, "audioLevel", -1)));
		}
		return new CallStats(report.getTimestamp(), streams);
	}

	private static long number(Map<String, Object> attributes, String key) {
		return (attributes.get(key) instanceof Number n) ? n.longValue() : 0;
	}

	private static double decimal(Map<String, Object> attributes, String key, double absent) {
		return (attributes.get(key) instanceof Number n) ? n.doubleValue() : absent;
	}

}
