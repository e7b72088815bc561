package asia.oncaller.client;

import java.util.List;
import java.util.Optional;

/**
 * A snapshot of a call's media statistics ({@link OnCallerCall#getStats()}).
 *
 * <pre>{@code
 * call.getStats().thenAccept(s -> System.out.println(s.inboundAudio().map(RtpStats::bytes).orElse(0L)));
 * }</pre>
 *
 * @param timestampMicros when WebRTC took it
 * @param streams every inbound and outbound RTP stream
 */
public record CallStats(long timestampMicros, List<RtpStats> streams) {

	/** Statistics of a call without media. */
	public static final CallStats EMPTY = new CallStats(0, List.of());

	/** Copies the streams. */
	public CallStats {
		streams = List.copyOf(streams);
	}

	/** @return the received audio stream */
	public Optional<RtpStats> inboundAudio() {
		return find(true, "audio");
	}

	/** @return the received video stream */
	public Optional<RtpStats> inboundVideo() {
		return find(true, "video");
	}

	/** @return the sent audio stream */
	public Optional<RtpStats> outboundAudio() {
		return find(false, "audio");
	}

	/** @return the sent video stream */
	public Optional<RtpStats> outboundVideo() {
		return find(false, "video");
	}

	/** @return bytes received over every inbound stream */
	public long bytesReceived() {
		return this.streams.stream().filter(RtpStats::inbound).mapToLong(RtpStats::bytes).sum();
	}

	private Optional<RtpStats> find(boolean inbound, String kind) {
		return this.streams.stream().filter((s) -> s.inbound() == inbound && kind.equals(s.kind())).findFirst();
	}

}
