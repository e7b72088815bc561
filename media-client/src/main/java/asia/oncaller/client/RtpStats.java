package asia.oncaller.client;

/**
 * Statistics of one RTP stream of a call, from WebRTC's {@code inbound-rtp} and
 * {@code outbound-rtp} reports.
 *
 * @param kind {@code "audio"} or {@code "video"}
 * @param inbound whether this is received media
 * @param codec the codec's MIME type, e.g. {@code audio/opus}, or {@code null}
 * @param bytes payload bytes received or sent
 * @param packets packets received or sent
 * @param packetsLost packets lost (inbound only)
 * @param jitter seconds (inbound only)
 * @param frames video frames decoded (inbound) or encoded (outbound)
 * @param frameWidth width of the last video frame, 0 if unknown
 * @param frameHeight height of the last video frame, 0 if unknown
 * @param audioLevel 0 to 1 (inbound audio), or -1
 */
public record RtpStats(String kind, boolean inbound, String codec, long bytes, long packets, long packetsLost,
		double jitter, long frames, int frameWidth, int frameHeight, double audioLevel) {

	/** @return whether this is audio */
	public boolean isAudio() {
		return "audio".equals(this.kind);
	}

	/** @return whether this is video */
	public boolean isVideo() {
		return "video".equals(this.kind);
	}

}
