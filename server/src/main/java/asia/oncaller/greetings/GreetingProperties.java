package asia.oncaller.greetings;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits and place of greeting files (docs/ivr.md).
 *
 * @param maxSize the largest file an upload may be; a larger one is refused with 413
 * @param maxFiles how many files one account may keep; one more is refused with 409
 * @param mediaDir where files are written for rtpengine to read: on rtpengine's host, so on a
 * shared volume when rtpengine runs elsewhere; files are named by their SHA-256, written once;
 * unset, {@code oncaller-media} in the JVM's temporary directory
 */
@ConfigurationProperties("oncaller.greetings")
record GreetingProperties(@DefaultValue("5MB") DataSize maxSize, @DefaultValue("100") int maxFiles,
		Path mediaDir) {

	GreetingProperties {
		// Not a @DefaultValue: a placeholder there is taken literally, as a folder named "${java.io.tmpdir}".
		mediaDir = (mediaDir != null) ? mediaDir : Path.of(System.getProperty("java.io.tmpdir"), "oncaller-media");
	}

}
