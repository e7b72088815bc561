package asia.oncaller.greetings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of greeting files (docs/ivr.md).
 *
 * @param maxSize the largest file an upload may be; a larger one is refused with 413
 * @param maxFiles how many files one account may keep; one more is refused with 409
 */
@ConfigurationProperties("oncaller.greetings")
record GreetingProperties(@DefaultValue("5MB") DataSize maxSize, @DefaultValue("100") int maxFiles) {
}
