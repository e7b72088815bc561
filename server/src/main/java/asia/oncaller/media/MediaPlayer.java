package asia.oncaller.media;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.springframework.stereotype.Service;

/**
 * Plays audio files into a call through rtpengine's {@code play media}: rtpengine decodes the
 * file (WAV, MP3, anything its libavformat reads), encodes it in the codec the party uses and
 * sends it to the party whose tag is given, in place of what the other side sends meanwhile.
 * The file must be readable by rtpengine on its own host.
 */
@Service
public class MediaPlayer {

	private final RtpEngineClient rtpengine;

	MediaPlayer(RtpEngineClient rtpengine) {
		this.rtpengine = rtpengine;
	}

	/**
	 * Starts playing the file to the party, replacing whatever it is being played already.
	 * @param callId the media call (the SIP Call-ID of the leg)
	 * @param toTag the tag of the party that hears it
	 * @param file the file, on rtpengine's host
	 * @param times how many times in a row, at least 1
	 * @return how long it plays in all, as rtpengine measured the file
	 * @throws RtpEngineException when rtpengine cannot play it (no such file, not audio)
	 */
	public Duration play(String callId, String toTag, Path file, int times) {
		Map<String, Object> reply = this.rtpengine.request("play media",
				Map.of("call-id", callId, "from-tag", toTag, "file", file.toString(), "repeat-times", times));
		Object millis = reply.get("duration");
		long once = (millis instanceof Number number) ? number.longValue() : 0;
		return Duration.ofMillis(once * times);
	}

	/** Stops what is playing to the party; nothing happens when nothing plays. */
	public void stop(String callId, String toTag) {
		try {
			this.rtpengine.request("stop media", Map.of("call-id", callId, "from-tag", toTag));
		}
		catch (RtpEngineException ex) {
			// Nothing was playing any more: what was wanted.
		}
	}

}
