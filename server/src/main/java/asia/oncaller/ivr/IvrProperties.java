package asia.oncaller.ivr;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Bounds of the SCCO runner (docs/ivr.md).
 *
 * @param maxCalls how many calls may run their SCCOs at once on this node (one thread each); one
 * more is hung up at once
 * @param maxActions how many actions one call may run in all, eventUrl answers included, before
 * it is hung up: an eventUrl that answers a new input forever cannot hold a call for ever
 * @param mediaDir where generated speech is written for rtpengine to read (on its host); unset,
 * {@code oncaller-media} in the JVM's temporary directory
 * @param espeak the text-to-speech program, Debian's {@code espeak-ng}
 * @param maxTextLength the longest {@code talk} text spoken; a longer one is cut there
 * @param talkTimeout how long synthesizing one text may take before the talk is skipped
 * @param talksAtOnce how many synthesizer processes may run at once on this node
 * @param maxStreamSize the largest file a {@code stream} action fetches; a larger one is skipped
 * @param mediaCacheSize how much speech and fetched audio this node keeps on disk; past it the
 * oldest goes
 * @param mediaCacheAge how long a fetched file or a spoken text is used again before it is made
 * anew
 */
@ConfigurationProperties("oncaller.ivr")
record IvrProperties(@DefaultValue("200") int maxCalls, @DefaultValue("200") int maxActions,
		Path mediaDir, @DefaultValue("espeak-ng") String espeak,
		@DefaultValue("1000") int maxTextLength, @DefaultValue("10s") Duration talkTimeout,
		@DefaultValue("2") int talksAtOnce, @DefaultValue("5MB") DataSize maxStreamSize,
		@DefaultValue("200MB") DataSize mediaCacheSize, @DefaultValue("10m") Duration mediaCacheAge) {

	IvrProperties {
		// Not a @DefaultValue: a placeholder there is taken literally, as a folder named "${java.io.tmpdir}".
		mediaDir = (mediaDir != null) ? mediaDir : Path.of(System.getProperty("java.io.tmpdir"), "oncaller-media");
	}

}
