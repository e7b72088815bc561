package asia.oncaller.recording;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where recordings come from and are kept, and how much of them (docs/recordings.md).
 *
 * @param captureDir rtpengine's {@code --recording-dir} as this server sees it; unset, calls are
 * not recorded and a {@code record} action's recording fails with a reason
 * @param dir where the audio files are kept, one folder per account
 * @param maxBytesPerAccount the most an account keeps: past it, its oldest recordings go
 * @param maxAge how long a recording is kept
 * @param maxDuration the longest audio a recording keeps; later audio is left out
 * @param captureWait how long the end of a call waits for rtpengine to close its capture
 * @param lame the LAME encoder that makes MP3s (Debian's {@code lame})
 * @param encodeTimeout how long one MP3 encoding may take
 * @param pruneInterval how often the age and size limits are applied, and stalled conversions
 * looked for
 * @param stallMargin how much longer than the capture wait and the encoding limit a conversion may
 * run before another node takes it up as stalled
 * @param publicUrl how customers reach this server (e.g. {@code https://calls.example.com}), the
 * start of the recording URL announced on the event_url; unset, the URL is the path alone
 * @param messageAddress the IPv4 address of this server that the media server sends a caller's
 * audio to while a {@code recordMessage} records it (this server's socket listens there)
 */
@ConfigurationProperties("oncaller.recording")
record RecordingProperties(Path captureDir, @DefaultValue("recordings") Path dir,
		@DefaultValue("1GB") DataSize maxBytesPerAccount, @DefaultValue("30d") Duration maxAge,
		@DefaultValue("4h") Duration maxDuration, @DefaultValue("10s") Duration captureWait,
		@DefaultValue("lame") String lame, @DefaultValue("5m") Duration encodeTimeout,
		@DefaultValue("1m") Duration pruneInterval, @DefaultValue("2m") Duration stallMargin, String publicUrl,
		@DefaultValue("127.0.0.1") String messageAddress) {

}
